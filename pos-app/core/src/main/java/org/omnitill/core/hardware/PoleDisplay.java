package org.omnitill.core.hardware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.receipt.CodePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 2x20 customer pole display on a serial port, driven with the ESC/POS display command set
 * (Epson DM-D and compatibles): {@code ESC @} initialize once, {@code ESC t n} character table, then
 * for each text {@code CLR} (0x0C), the top line, {@code US $ 1 2} (cursor to column 1, row 2) and
 * the bottom line. Text is transliterated into the display's code page like receipts.
 *
 * <p>{@code serial:/dev/ttyUSB1?baud=9600&codepage=CP858&columns=20}. Writes go out on the display's
 * own thread, latest text only; a display that is unplugged or stuck is logged and tried again with
 * the next text, never holding up a sale.
 */
public final class PoleDisplay implements CustomerDisplay {

    private static final Logger LOG = LoggerFactory.getLogger(PoleDisplay.class);
    private static final byte ESC = 0x1B;
    private static final byte US = 0x1F;
    private static final byte CLR = 0x0C;

    private final String port;
    private final SerialSettings serial;
    private final CodePage codePage;
    private final int codeTable;
    private final int columns;
    private final Duration timeout;
    private final ExecutorService writer;
    private final AtomicReference<byte[]> latest = new AtomicReference<>();
    private SerialLink link; // used on the writer thread only
    private boolean failing;

    private PoleDisplay(String port, SerialSettings serial, CodePage codePage, int codeTable, int columns, Duration timeout) {
        this.port = port;
        this.serial = serial;
        this.codePage = codePage;
        this.codeTable = codeTable;
        this.columns = columns;
        this.timeout = timeout;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnitill-pole-display");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @throws IllegalArgumentException for a string that is not {@code serial:PORT[?options]}
     */
    public static PoleDisplay of(String connectionString) {
        PrinterSpec spec = PrinterSpec.parse(connectionString);
        if (!spec.scheme().equals("serial")) {
            throw new IllegalArgumentException("customer display '" + connectionString
                    + "': use window, none or serial:PORT?baud=9600 (a 2x20 pole display)");
        }
        CodePage page = spec.codePage().orElse(CodePage.CP858);
        return new PoleDisplay(spec.target().strip(), SerialSettings.of(spec.options(), "customer display '" + connectionString + "'"),
                page, spec.codeTable().orElse(page.escPosNumber()), spec.intOption("columns", 20, 8, 40), spec.timeout());
    }

    /** The bytes that show {@code top} and {@code bottom} (after the one-time initialization). */
    public byte[] frame(String top, String bottom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * columns + 8);
        out.write(CLR);
        out.writeBytes(codePage.encode(fit(top)));
        out.writeBytes(new byte[] {US, '$', 1, 2});
        out.writeBytes(codePage.encode(fit(bottom)));
        return out.toByteArray();
    }

    /** {@code ESC @ ESC t n}: sent when the port is opened. */
    public byte[] initialization() {
        return new byte[] {ESC, '@', ESC, 't', (byte) codeTable};
    }

    private String fit(String text) {
        String printable = codePage.printable(text == null ? "" : text);
        int length = printable.codePointCount(0, printable.length());
        if (length > columns) {
            return printable.substring(0, printable.offsetByCodePoints(0, columns));
        }
        return printable + " ".repeat(columns - length);
    }

    /** {@code left} and {@code right} on one line {@code width} wide, {@code right} flush right (cut from the left when long). */
    public static String spread(String left, String right, int width) {
        String l = left == null ? "" : left.strip();
        String r = right == null ? "" : right.strip();
        int gap = width - l.length() - r.length();
        if (gap >= 1) {
            return l + " ".repeat(gap) + r;
        }
        return r.length() >= width ? r.substring(0, width) : l.substring(0, Math.max(0, width - r.length() - 1)) + " " + r;
    }

    public int columns() {
        return columns;
    }

    @Override
    public void show(String top, String bottom) {
        if (latest.getAndSet(frame(top, bottom)) == null) {
            writer.execute(this::writeLatest);
        }
    }

    private void writeLatest() {
        byte[] frame = latest.getAndSet(null);
        if (frame == null) {
            return;
        }
        try {
            if (link == null) {
                link = SerialLink.open(port, serial);
                link.write(initialization(), timeout);
            }
            link.write(frame, timeout.plusMillis((long) (2000.0 * frame.length / serial.bytesPerSecond())));
            if (failing) {
                LOG.info("customer display {} works again", port);
                failing = false;
            }
        } catch (IOException e) {
            if (!failing) {
                LOG.warn("customer display {} failed: {}", port, e.getMessage());
                failing = true;
            }
            if (link != null) {
                link.close();
                link = null;
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (link != null) {
            link.close();
        }
    }
}
