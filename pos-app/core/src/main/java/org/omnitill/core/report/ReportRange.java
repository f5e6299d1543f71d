package org.omnitill.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What a report covers: a span of journal sequence numbers (the period since the last Z, or a
 * past Z's period), or a span of time (sales over a date range).
 */
public sealed interface ReportRange {

    /** Journal entries {@code from} to {@code to}, both included. */
    record Sequences(long from, long to) implements ReportRange {
    }

    /** From {@code from} (included) to {@code to} (excluded). */
    record Times(Instant from, Instant to) implements ReportRange {
        public Times {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("a report range must end after it starts");
            }
        }
    }
}
