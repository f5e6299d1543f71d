package org.omnitill.core.hardware;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import org.omnitill.core.print.PrinterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a serial port (or a USB scanner in its serial/CDC mode, {@code /dev/ttyACM0}):
 * {@code serial:/dev/ttyACM0?baud=9600&suffix=CR&prefix=none}. Bytes arrive through jSerialComm's
 * data listener (no polling), are cut into scans by a {@link ScanFramer}, and each scan goes to the
 * listener on jSerialComm's event thread. A scanner unplugged is reported through {@code onGone}.
 */
public final class SerialScanner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);

    private final String connectionString;
    private final String port;
    private final SerialSettings serial;
    private final ScanFramer framer;
    private SerialLink link;

    private SerialScanner(String connectionString, String port, SerialSettings serial, ScanFramer framer) {
        this.connectionString = connectionString;
        this.port = port;
        this.serial = serial;
        this.framer = framer;
    }

    /**
     * @throws IllegalArgumentException for a string that is not {@code serial:PORT[?options]}
     */
    public static SerialScanner of(String connectionString) {
        PrinterSpec spec = PrinterSpec.parse(connectionString);
        if (!spec.scheme().equals("serial")) {
            throw new IllegalArgumentException("scanner '" + connectionString
                    + "': use wedge (a keyboard scanner) or serial:PORT?baud=9600&suffix=CR");
        }
        return new SerialScanner(spec.connectionString(), spec.target().strip(),
                SerialSettings.of(spec.options(), "scanner '" + connectionString + "'"), ScanFramer.of(spec.options()));
    }

    /**
     * Opens the port and starts listening.
     *
     * @param onScan called with each scan, on the serial event thread
     * @param onGone called once if the port disappears
     */
    public synchronized void start(Consumer<String> onScan, Runnable onGone) throws IOException {
        Objects.requireNonNull(onScan, "onScan");
        if (link != null) {
            throw new IllegalStateException("already started");
        }
        link = SerialLink.open(port, serial);
        link.listen(chunk -> {
            for (String scan : feed(chunk)) {
                try {
                    onScan.accept(scan);
                } catch (RuntimeException e) {
                    LOG.warn("scan listener failed", e);
                }
            }
        }, () -> {
            LOG.warn("scanner {} went away", connectionString);
            onGone.run();
        });
        LOG.info("scanner {} listening ({})", port, serial);
    }

    private synchronized java.util.List<String> feed(byte[] chunk) {
        return framer.feed(chunk);
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
