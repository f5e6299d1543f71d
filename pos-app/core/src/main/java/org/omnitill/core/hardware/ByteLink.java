package org.omnitill.core.hardware;

import java.io.IOException;
import java.time.Duration;

/**
 * A byte link to a device (a serial port, a network socket, a device file). Every call is bounded:
 * a write that the device does not take within its time limit is aborted by closing the link, a
 * read waits at most its timeout. A link that failed once is closed and not used again.
 */
public interface ByteLink extends AutoCloseable {

    /** Writes all of {@code data} within {@code limit}, or throws (the link is then closed). */
    void write(byte[] data, Duration limit) throws IOException;

    /**
     * Reads what arrives within {@code timeout}, up to {@code buffer.length} bytes; returns the count,
     * 0 when nothing came.
     *
     * @throws UnsupportedOperationException on a write-only link
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    /** Drops whatever was received and not read yet (late answers, scanner noise). */
    default void discardInput() throws IOException {
    }

    /** Whether the link can read answers at all. */
    boolean readable();

    @Override
    void close();
}
