package org.omnitill.core.hardware;

import java.io.IOException;

/**
 * The till's cash drawer. {@link #open()} kicks it open and returns once the pulse was sent (or
 * throws); {@link #state()} says whether it is open where the hardware reports it. Both do device
 * I/O bounded by the printer's timeout: call them off the UI thread.
 *
 * <p>Who may open it and what is recorded is the caller's business: a sale opens it on cash tenders
 * ({@link Peripherals#afterSale}); a no-sale open is an audited document of its own, made by the
 * caller before calling {@link #open()}.
 */
public interface CashDrawer {

    enum State { OPEN, CLOSED, UNKNOWN }

    /** Sends the kick pulse. */
    void open() throws IOException;

    /** Whether the drawer is open, where the printer reports its drawer switch; else {@link State#UNKNOWN}. */
    State state() throws IOException;

    /** Whether there is a drawer at all ({@code none} has not). */
    boolean present();

    /** For people, e.g. {@code drawer on serial /dev/ttyUSB0, pin 2}. */
    String description();

    /** No drawer: opening does nothing. */
    CashDrawer NONE = new CashDrawer() {
        @Override
        public void open() {
        }

        @Override
        public State state() {
            return State.UNKNOWN;
        }

        @Override
        public boolean present() {
            return false;
        }

        @Override
        public String description() {
            return "no cash drawer";
        }
    };
}
