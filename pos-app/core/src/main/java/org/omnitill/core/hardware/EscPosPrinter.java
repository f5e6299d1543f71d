package org.omnitill.core.hardware;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a {@link ByteLink}: serial, network or device file.
 *
 * <p>Before each job, where the link reads, it asks the printer with {@code DLE EOT 1} and
 * {@code DLE EOT 4} (and {@code DLE EOT 2} when it is offline): a printer out of paper, with the
 * cover open or not answering within the timeout is reported as {@link PrinterNotReadyException}
 * and the job is not sent (it stays queued). After the job it asks {@code DLE EOT 1} once more: a
 * printer answers a real-time request when it receives it, after every byte sent before it, so the
 * answer confirms that the whole job reached the printer (a printer that dies mid-job leaves the
 * job queued, to be printed again: at least once, never lost). Every write is bounded: the bytes' time on the wire at
 * the link's speed plus the timeout. A link that failed is closed and opened again for the next
 * call, so a printer that was unplugged and plugged back in prints again by itself.
 *
 * <p>Calls are served one at a time (a drawer kick waits for the job being sent).
 */
public final class EscPosPrinter implements PrinterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);

    /** Opens the link to the printer. */
    @FunctionalInterface
    public interface LinkOpener {
        ByteLink open() throws IOException;
    }

    private final String description;
    private final LinkOpener opener;
    private final boolean keepOpen;
    private final boolean askStatus;
    private final Duration timeout;
    private final double bytesPerSecond;
    private ByteLink link; // guarded by this
    private volatile PrinterCondition lastCondition = PrinterCondition.UNKNOWN;

    /**
     * @param keepOpen       keep the link between calls (serial ports, device files); a network printer
     *                       is connected for each call, so other tills can use it in between
     * @param askStatus      ask {@code DLE EOT} before each job (needs a link that reads)
     * @param timeout        how long the printer may take to answer, or to take a job beyond its wire time
     * @param bytesPerSecond the link's speed, for the wire time of a job; {@code 0} when it does not matter
     */
    public EscPosPrinter(String description, LinkOpener opener, boolean keepOpen, boolean askStatus, Duration timeout,
                         double bytesPerSecond) {
        this.description = Objects.requireNonNull(description, "description");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.keepOpen = keepOpen;
        this.askStatus = askStatus;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public synchronized void send(byte[] data) throws IOException {
        run(true, data);
    }

    @Override
    public synchronized void sendNow(byte[] data) throws IOException {
        run(false, data);
    }

    @Override
    public synchronized DeviceState query() throws IOException {
        if (!askStatus) {
            return DeviceState.UNKNOWN;
        }
        try {
            ByteLink current = link();
            DeviceState state = ask(current);
            lastCondition = state.condition();
            return state;
        } catch (IOException | RuntimeException e) {
            fail(e);
            throw e;
        } finally {
            if (!keepOpen) {
                drop();
            }
        }
    }

    @Override
    public PrinterCondition lastCondition() {
        return lastCondition;
    }

    private void run(boolean checkFirst, byte[] data) throws IOException {
        try {
            ByteLink current = link();
            if (checkFirst && askStatus) {
                DeviceState state = ask(current);
                lastCondition = state.condition();
                if (!state.condition().canPrint()) {
                    throw new PrinterNotReadyException(state.condition(), describe(state.condition()));
                }
            }
            current.write(data, writeLimit(data.length));
            if (checkFirst && askStatus) {
                answer(current, EscPosStatus.PRINTER, writeLimit(data.length)); // the printer has the whole job
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            throw e;
        } finally {
            if (!keepOpen) {
                drop();
            }
        }
    }

    /** The wire time of {@code length} bytes, twice over, plus the timeout. */
    Duration writeLimit(int length) {
        long wire = bytesPerSecond <= 0 ? 0 : (long) Math.ceil(length * 1000.0 / bytesPerSecond);
        return timeout.plusMillis(2 * wire);
    }

    private DeviceState ask(ByteLink current) throws IOException {
        current.discardInput();
        int printer = answer(current, EscPosStatus.PRINTER);
        int paper = answer(current, EscPosStatus.PAPER);
        int cause = EscPosStatus.offline(printer) ? answer(current, EscPosStatus.OFFLINE_CAUSE) : -1;
        return EscPosStatus.interpret(printer, cause, paper);
    }

    /** Sends one status request and waits for its answer byte. */
    private int answer(ByteLink current, byte[] request) throws IOException {
        return answer(current, request, timeout);
    }

    private int answer(ByteLink current, byte[] request, Duration within) throws IOException {
        current.write(request, timeout);
        byte[] one = new byte[1];
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || current.read(one, Duration.ofNanos(left)) == 0) {
                throw new PrinterNotReadyException(PrinterCondition.NOT_ANSWERING, description
                        + " does not answer (switched off, offline or not an ESC/POS printer; status=off skips the question)");
            }
            if (EscPosStatus.isAnswer(one[0] & 0xFF)) {
                return one[0] & 0xFF;
            }
            // another byte (an automatic status, noise): keep waiting for the answer
        }
    }

    private ByteLink link() throws IOException {
        if (link == null) {
            link = opener.open();
            if (askStatus && !link.readable()) {
                throw new IllegalStateException(description + ": status queries need a link that reads");
            }
        }
        return link;
    }

    private void fail(Exception e) {
        if (e instanceof PrinterNotReadyException notReady) {
            lastCondition = notReady.condition();
            if (notReady.condition() == PrinterCondition.NOT_ANSWERING || notReady.condition() == PrinterCondition.UNREACHABLE) {
                drop();
            }
            return;
        }
        lastCondition = e instanceof DeviceTimeoutException ? PrinterCondition.NOT_ANSWERING : PrinterCondition.UNREACHABLE;
        LOG.debug("{}: link dropped after {}", description, e.toString());
        drop();
    }

    private void drop() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    static String describe(PrinterCondition condition) {
        return switch (condition) {
            case PAPER_OUT -> "out of paper";
            case COVER_OPEN -> "cover open";
            case OFFLINE -> "offline";
            case ERROR -> "printer error (cutter or head); it may clear by itself, else switch it off and on";
            case NOT_ANSWERING -> "not answering";
            case UNREACHABLE -> "not reachable";
            default -> condition.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        drop();
    }

    @Override
    public String toString() {
        return "EscPosPrinter[" + description + "]";
    }
}
