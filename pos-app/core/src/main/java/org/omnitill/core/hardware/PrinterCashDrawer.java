package org.omnitill.core.hardware;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterSpec;

/**
 * A cash drawer on the receipt printer's drawer port, opened by a kick pulse the printer sends:
 * {@code ESC p m t1 t2} (pin 2 or pin 5, on time {@code t1} and off time {@code t2} in 2 ms steps),
 * or the real-time {@code DLE DC4 1 m t}, which printers obey even offline or out of paper. The
 * pulse bypasses the print queue (a drawer must open while receipts wait for paper) and skips the
 * status question; it is sent between jobs, never inside one.
 *
 * <p>Configured as {@code printer?pin=2&on=100&off=200&kick=escp&sense=high}: {@code pin} 2 (default)
 * or 5, {@code on}/{@code off} pulse times in ms (default 100 and 200), {@code kick} {@code escp}
 * (default) or {@code realtime}, and {@code sense} which level of the drawer switch (reported in
 * {@code DLE EOT 1}) means open: {@code high} (default) or {@code low}.
 */
public final class PrinterCashDrawer implements CashDrawer {

    private final PrinterConnection printer;
    private final int pin;
    private final int onMillis;
    private final int offMillis;
    private final boolean realtime;
    private final boolean openWhenHigh;

    public PrinterCashDrawer(PrinterConnection printer, int pin, int onMillis, int offMillis, boolean realtime,
                             boolean openWhenHigh) {
        this.printer = Objects.requireNonNull(printer, "printer");
        if (pin != 2 && pin != 5) {
            throw new IllegalArgumentException("a drawer is on pin 2 or pin 5, not " + pin);
        }
        if (onMillis < 2 || onMillis > 510 || offMillis < 2 || offMillis > 510) {
            throw new IllegalArgumentException("drawer pulse times are 2 to 510 ms, not on=" + onMillis + " off=" + offMillis);
        }
        this.pin = pin;
        this.onMillis = onMillis;
        this.offMillis = offMillis;
        this.realtime = realtime;
        this.openWhenHigh = openWhenHigh;
    }

    /**
     * The drawer a setting names: {@code none} (or empty), or {@code printer[?options]} on {@code printer}.
     *
     * @param printer the receipt printer's connection; {@code null} when there is none
     * @throws IllegalArgumentException for a setting that makes no sense
     */
    public static CashDrawer of(String setting, PrinterConnection printer) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("none")) {
            return CashDrawer.NONE;
        }
        String text = setting.strip();
        // "printer" alone or "printer?pin=5": parsed with the printer's option syntax
        PrinterSpec spec = PrinterSpec.parse(text.contains(":") ? text : text.replaceFirst("^([A-Za-z]+)", "$1:drawer"));
        if (!spec.scheme().equals("printer")) {
            throw new IllegalArgumentException("cash drawer '" + text + "': use 'printer' (kick through the receipt printer) or 'none'");
        }
        if (printer == null) {
            throw new IllegalArgumentException("cash drawer '" + text + "' is on the receipt printer, but no receipt printer is set");
        }
        Map<String, String> options = spec.options();
        int pin = spec.intOption("pin", 2, 2, 5);
        int on = spec.intOption("on", 100, 2, 510);
        int off = spec.intOption("off", 200, 2, 510);
        String kick = options.getOrDefault("kick", "escp").strip().toLowerCase(Locale.ROOT);
        if (!kick.equals("escp") && !kick.equals("realtime")) {
            throw new IllegalArgumentException("cash drawer option kick=" + kick + " is not escp or realtime");
        }
        String sense = options.getOrDefault("sense", "high").strip().toLowerCase(Locale.ROOT);
        if (!sense.equals("high") && !sense.equals("low")) {
            throw new IllegalArgumentException("cash drawer option sense=" + sense + " is not high or low");
        }
        return new PrinterCashDrawer(printer, pin, on, off, kick.equals("realtime"), sense.equals("high"));
    }

    /** The kick pulse's bytes. */
    public byte[] pulse() {
        int m = pin == 2 ? 0 : 1;
        if (realtime) {
            // DLE DC4 1 m t: t x 100 ms on and off, t = 1..8
            int t = Math.max(1, Math.min(8, Math.round(onMillis / 100f)));
            return new byte[] {0x10, 0x14, 1, (byte) m, (byte) t};
        }
        return new byte[] {0x1B, 'p', (byte) m, (byte) (onMillis / 2), (byte) (offMillis / 2)};
    }

    @Override
    public void open() throws IOException {
        printer.sendNow(pulse());
    }

    @Override
    public State state() throws IOException {
        return stateIn(printer.query());
    }

    /** What a printer's answer says about this drawer (its switch level, read with this drawer's {@code sense}). */
    public State stateIn(DeviceState state) {
        if (state.drawerPinHigh() == null) {
            return State.UNKNOWN;
        }
        return state.drawerPinHigh() == openWhenHigh ? State.OPEN : State.CLOSED;
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public String description() {
        return "drawer on " + printer.description() + ", pin " + pin;
    }
}
