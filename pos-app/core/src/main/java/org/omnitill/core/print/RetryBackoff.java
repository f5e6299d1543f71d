package org.omnitill.core.print;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the print worker waits before trying a failing printer again: {@code first}, doubling
 * with each failure in a row, never more than {@code max}.
 */
public record RetryBackoff(Duration first, Duration max) {

    /** 1 s, 2 s, 4 s ... up to 30 s. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the retry delay must be positive and at most the maximum");
        }
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public Duration after(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
