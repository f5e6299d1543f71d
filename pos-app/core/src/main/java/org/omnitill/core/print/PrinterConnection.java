package org.omnitill.core.print;

import java.io.IOException;

/**
 * Where printer bytes go. {@link #send} returns once the device (or file) has taken all the bytes,
 * or throws; the print queue retries a job until a send succeeds. Implementations are used from the
 * print worker's one thread.
 */
public interface PrinterConnection extends AutoCloseable {

    /** Sends one job's bytes, whole. */
    void send(byte[] data) throws IOException;

    /** For people: what this connection prints to, e.g. {@code file /var/lib/omnitill/receipts.bin}. */
    String description();

    /** Releases the device; the default holds nothing. */
    @Override
    default void close() throws IOException {
    }
}
