package org.omnitill.core.hardware;

import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterCondition;

/**
 * The real-time status requests {@code DLE EOT n} and what their one-byte answers mean (Epson's
 * definitions, which ESC/POS clones follow). Every answer has bits 1 and 4 set and bits 0 and 7
 * clear, which tells it apart from other bytes a printer may send.
 *
 * <ul>
 *   <li>{@code n=1} printer: bit 2 drawer kick connector pin 3 high, bit 3 offline;</li>
 *   <li>{@code n=2} offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped
 *       for paper end, bit 6 error;</li>
 *   <li>{@code n=3} error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable;</li>
 *   <li>{@code n=4} paper sensors: bits 2-3 near end, bits 5-6 paper end.</li>
 * </ul>
 */
public final class EscPosStatus {

    public static final int DLE = 0x10;
    public static final int EOT = 0x04;

    public static final byte[] PRINTER = {DLE, EOT, 1};
    public static final byte[] OFFLINE_CAUSE = {DLE, EOT, 2};
    public static final byte[] ERROR_CAUSE = {DLE, EOT, 3};
    public static final byte[] PAPER = {DLE, EOT, 4};

    private EscPosStatus() {
    }

    /** Whether {@code b} has the fixed bits of a status answer. */
    public static boolean isAnswer(int b) {
        return (b & 0x93) == 0x12;
    }

    public static boolean offline(int printer) {
        return (printer & 0x08) != 0;
    }

    /** Pin 3 of the drawer kick connector is high (the drawer's switch; open or closed depends on the drawer). */
    public static boolean drawerPinHigh(int printer) {
        return (printer & 0x04) != 0;
    }

    public static boolean paperOut(int paper) {
        return (paper & 0x60) != 0;
    }

    public static boolean paperLow(int paper) {
        return (paper & 0x0C) != 0;
    }

    /**
     * What the answers say together.
     *
     * @param offlineCause the {@code n=2} answer, or -1 when not asked (the printer was online)
     * @param paper        the {@code n=4} answer, or -1 when not asked
     */
    public static DeviceState interpret(int printer, int offlineCause, int paper) {
        Boolean drawer = drawerPinHigh(printer);
        PrinterCondition condition;
        if (offline(printer)) {
            if (offlineCause >= 0 && (offlineCause & 0x04) != 0) {
                condition = PrinterCondition.COVER_OPEN;
            } else if ((offlineCause >= 0 && (offlineCause & 0x20) != 0) || (paper >= 0 && paperOut(paper))) {
                condition = PrinterCondition.PAPER_OUT;
            } else if (offlineCause >= 0 && (offlineCause & 0x40) != 0) {
                condition = PrinterCondition.ERROR;
            } else {
                condition = PrinterCondition.OFFLINE;
            }
        } else if (paper >= 0 && paperOut(paper)) {
            condition = PrinterCondition.PAPER_OUT;
        } else if (paper >= 0 && paperLow(paper)) {
            condition = PrinterCondition.PAPER_LOW;
        } else {
            condition = PrinterCondition.READY;
        }
        return new DeviceState(condition, drawer);
    }
}
