package org.omnitill.core.hardware;

/**
 * A display facing the customer: two lines of text. Implementations do their device I/O on their
 * own thread and keep only the latest text, so a slow display never holds up the till.
 */
public interface CustomerDisplay extends AutoCloseable {

    /** Shows two lines (each cut or padded to the display's width). */
    void show(String top, String bottom);

    @Override
    default void close() {
    }

    /** No display (or the window display, which the desktop draws itself). */
    CustomerDisplay NONE = (top, bottom) -> { };
}
