package org.omnitill.core.print;

import java.io.IOException;

/**
 * Where printer bytes go. {@link #send} returns once the device (or file) has taken all the bytes,
 * or throws; the print queue retries a job until a send succeeds. Every call is bounded in time
 * (the drivers' timeouts): a device that does not take the bytes makes the call fail, never hang.
 * Implementations are safe to call from several threads (the print worker, a drawer kick); calls
 * are served one at a time.
 */
public interface PrinterConnection extends AutoCloseable {

    /**
     * Sends one job's bytes, whole. A driver that can ask the printer first does so, and throws
     * {@link PrinterNotReadyException} (paper out, cover open, not answering) without sending.
     */
    void send(byte[] data) throws IOException;

    /**
     * Sends bytes without asking whether the printer is ready: for a cash drawer kick, which works
     * with the paper out or the cover open.
     */
    default void sendNow(byte[] data) throws IOException {
        send(data);
    }

    /** Asks the printer how it is, where the link allows it; {@link DeviceState#UNKNOWN} where not. */
    default DeviceState query() throws IOException {
        return DeviceState.UNKNOWN;
    }

    /**
     * What the printer said about itself at the last send or query; {@link PrinterCondition#UNKNOWN}
     * for links that cannot tell.
     */
    default PrinterCondition lastCondition() {
        return PrinterCondition.UNKNOWN;
    }

    /** For people: what this connection prints to, e.g. {@code file /var/lib/omnitill/receipts.bin}. */
    String description();

    /** Releases the device; the default holds nothing. */
    @Override
    default void close() throws IOException {
    }
}
