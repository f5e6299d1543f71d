package org.omnitill.core.hardware;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import org.omnitill.core.print.FilePrinter;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterSpec;

/**
 * Opens receipt printers from their connection strings ({@link PrinterSpec}); nothing is opened on
 * the device until the first job or status query, so a printer that is off never stops the till.
 *
 * <table>
 *   <caption>connection types</caption>
 *   <tr><td>{@code serial:/dev/ttyUSB0?baud=38400&parity=none&flow=rtscts}</td><td>serial port
 *       ({@link SerialSettings}); status queries on by default</td></tr>
 *   <tr><td>{@code tcp:192.0.2.10:9100}</td><td>raw TCP, port 9100 when left out; status queries on</td></tr>
 *   <tr><td>{@code device:/dev/usb/lp0}</td><td>a device file, write only</td></tr>
 *   <tr><td>{@code system:Printer Name}</td><td>the operating system's raw queue</td></tr>
 *   <tr><td>{@code file:receipts.bin}</td><td>bytes appended to a file (relative: in the data directory)</td></tr>
 * </table>
 */
public final class Printers {

    /** Raw TCP printing's usual port. */
    public static final int RAW_PORT = 9100;

    private Printers() {
    }

    /**
     * @throws IllegalArgumentException for a malformed string or an unknown type
     */
    public static PrinterConnection open(String connectionString, Path dataDir) {
        return open(PrinterSpec.parse(connectionString), dataDir);
    }

    /**
     * @throws IllegalArgumentException for an unknown type or options that make no sense
     */
    public static PrinterConnection open(PrinterSpec spec, Path dataDir) {
        Duration timeout = spec.timeout();
        return switch (spec.scheme()) {
            case "file" -> new FilePrinter(path(spec, dataDir));
            case "serial" -> {
                SerialSettings serial = SerialSettings.of(spec.options(), "receipt printer '" + spec.connectionString() + "'");
                String port = spec.target().strip();
                yield new EscPosPrinter("serial " + port + " " + serial, () -> SerialLink.open(port, serial), true,
                        spec.statusQueries(true), timeout, serial.bytesPerSecond());
            }
            case "tcp" -> {
                HostPort address = HostPort.parse(spec.target(), RAW_PORT, "receipt printer '" + spec.connectionString() + "'");
                yield new EscPosPrinter("tcp " + address, () -> TcpLink.connect(address.host(), address.port(), timeout),
                        false, spec.statusQueries(true), timeout, 0);
            }
            case "device" -> {
                Path device = path(spec, dataDir);
                if (spec.statusQueries(false)) {
                    throw new IllegalArgumentException("receipt printer '" + spec.connectionString()
                            + "': a device file is written only; it cannot answer status queries (leave out status=on)");
                }
                yield new EscPosPrinter("device " + device, () -> DeviceFileLink.open(device), true, false, timeout, 0);
            }
            case "system" -> new SystemPrinter(spec.target());
            default -> throw new IllegalArgumentException("receipt printer '" + spec.connectionString()
                    + "': unknown connection type '" + spec.scheme() + ":'; use serial:, tcp:, device:, system: or file:");
        };
    }

    private static Path path(PrinterSpec spec, Path dataDir) {
        try {
            Path path = Path.of(spec.target().strip());
            return path.isAbsolute() || dataDir == null ? path : dataDir.resolve(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("receipt printer '" + spec.connectionString() + "': not a path: "
                    + e.getMessage(), e);
        }
    }

    /** {@code HOST[:PORT]}, IPv6 in brackets. */
    record HostPort(String host, int port) {
        static HostPort parse(String target, int defaultPort, String what) {
            String text = target.strip();
            String host = text;
            int port = defaultPort;
            int colon = text.lastIndexOf(':');
            if (colon > 0 && (text.indexOf(':') == colon || text.startsWith("["))
                    && text.substring(colon + 1).matches("\\d{1,5}")) {
                host = text.substring(0, colon);
                port = Integer.parseInt(text.substring(colon + 1));
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException(what + ": not HOST:PORT");
            }
            return new HostPort(host, port);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
