package org.omnitill.hub;

import java.math.BigDecimal;
import java.time.Instant;

/** What the hub's columns can hold, checked before writing so that a client's mistake is a 4xx, never a 500. */
final class Limits {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Limits() {
    }

    /** Fits DECIMAL(19, 4), not negative. */
    static boolean money(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.scale() <= 4 && value.precision() - value.scale() <= 15;
    }

    /** Fits DECIMAL(19, 3), may be negative. */
    static boolean quantity(BigDecimal value) {
        return value != null && value.scale() <= 3 && value.precision() - value.scale() <= 16;
    }

    /** A moment both engines store the same way. */
    static boolean instant(Instant value) {
        return value != null && !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
    }

    /** Text that fits a column of {@code max} characters and has no NUL (PostgreSQL refuses it). */
    static boolean text(String value, int max) {
        return value != null && value.length() <= max && value.indexOf('\u0000') < 0;
    }
}
