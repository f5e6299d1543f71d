package org.omnitill.core.hardware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The far end of a {@link Socat} pair acting as an ESC/POS printer: records every byte it gets and
 * answers {@code DLE EOT n} status requests with the bytes set by the test.
 */
final class FakeEscPosPrinter implements AutoCloseable {

    static final int READY = 0x12;

    private final SerialLink link;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile int printerStatus = READY;
    private volatile int offlineCause = READY;
    private volatile int paperStatus = READY;

    FakeEscPosPrinter(Path farEnd) throws IOException {
        link = SerialLink.open(farEnd.toString(), SerialSettings.DEFAULT);
        link.listen(this::received, () -> { });
    }

    /** Answers as a printer out of paper: offline, stopped for paper end, paper sensor empty. */
    FakeEscPosPrinter paperOut() {
        printerStatus = READY | 0x08;
        offlineCause = READY | 0x20;
        paperStatus = READY | 0x60;
        return this;
    }

    FakeEscPosPrinter coverOpen() {
        printerStatus = READY | 0x08;
        offlineCause = READY | 0x04;
        paperStatus = READY;
        return this;
    }

    FakeEscPosPrinter ready(boolean drawerPinHigh) {
        printerStatus = READY | (drawerPinHigh ? 0x04 : 0);
        offlineCause = READY;
        paperStatus = READY;
        return this;
    }

    private void received(byte[] data) {
        int answer = -1;
        synchronized (this) {
            received.writeBytes(data);
            byte[] all = received.toByteArray();
            int n = all.length;
            if (n >= 3 && all[n - 3] == 0x10 && all[n - 2] == 0x04) {
                answer = switch (all[n - 1]) {
                    case 1 -> printerStatus;
                    case 2 -> offlineCause;
                    case 3 -> READY;
                    case 4 -> paperStatus;
                    default -> -1;
                };
            }
            notifyAll();
        }
        if (answer >= 0) {
            try {
                link.write(new byte[] {(byte) answer}, Duration.ofSeconds(5));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    synchronized byte[] bytes() {
        return received.toByteArray();
    }

    /** Waits (at most 20 s, against a hang; not a timing assertion) until the bytes received satisfy {@code done}. */
    synchronized byte[] awaitBytes(Predicate<byte[]> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.test(received.toByteArray())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return received.toByteArray();
    }

    byte[] awaitLength(int length) throws InterruptedException {
        return awaitBytes(bytes -> bytes.length >= length);
    }

    static boolean endsWith(byte[] bytes, byte[] tail) {
        return bytes.length >= tail.length
                && Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - tail.length, bytes.length), tail);
    }

    @Override
    public void close() {
        link.close();
    }
}
