package org.omnitill.core.print;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** Opens receipt printers from their connection strings (see {@link PrinterSpec}). */
public final class PrinterConnections {

    /** Connection types of the design that arrive with the hardware drivers. */
    private static final Set<String> COMING = Set.of("serial", "tcp", "device", "system");

    private PrinterConnections() {
    }

    /**
     * The printer a connection string names. Today that is {@code file:PATH}: bytes appended to a file,
     * a relative {@code PATH} being taken from the till's data directory.
     *
     * @throws IllegalArgumentException for a malformed string or a type that is not supported (yet)
     */
    public static PrinterConnection open(String connectionString, Path dataDir) {
        return open(PrinterSpec.parse(connectionString), dataDir);
    }

    public static PrinterConnection open(PrinterSpec spec, Path dataDir) {
        switch (spec.scheme()) {
            case "file" -> {
                try {
                    Path path = Path.of(spec.target());
                    return new FilePrinter(path.isAbsolute() ? path : dataDir.resolve(path));
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("receipt printer '" + spec.connectionString()
                            + "': not a file path: " + e.getMessage(), e);
                }
            }
            default -> {
                if (COMING.contains(spec.scheme())) {
                    throw new IllegalArgumentException("receipt printer '" + spec.connectionString() + "': " + spec.scheme()
                            + ": printers are not supported yet; serial:, tcp:, device: and system: connections come "
                            + "with the hardware drivers (the hardware issue). Until then use file:PATH");
                }
                throw new IllegalArgumentException("receipt printer '" + spec.connectionString()
                        + "': unknown connection type '" + spec.scheme() + ":'; use file:PATH (serial:, tcp:, device: "
                        + "and system: come with the hardware drivers)");
            }
        }
    }

    /**
     * A printer that cannot be opened, e.g. a connection type not supported yet: every send fails with
     * {@code reason}, so jobs wait in the queue and the status shows why.
     */
    public static PrinterConnection unavailable(String description, String reason) {
        return new PrinterConnection() {
            @Override
            public void send(byte[] data) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
