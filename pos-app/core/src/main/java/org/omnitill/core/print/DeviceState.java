package org.omnitill.core.print;

import java.util.Objects;

/**
 * A printer's answer to a status query.
 *
 * @param condition  what the printer reported
 * @param drawerPinHigh whether pin 3 of the drawer kick connector (the drawer switch) is high; {@code null} when
 *                   the link cannot tell
 */
public record DeviceState(PrinterCondition condition, Boolean drawerPinHigh) {

    public static final DeviceState UNKNOWN = new DeviceState(PrinterCondition.UNKNOWN, null);

    public DeviceState {
        Objects.requireNonNull(condition, "condition");
    }
}
