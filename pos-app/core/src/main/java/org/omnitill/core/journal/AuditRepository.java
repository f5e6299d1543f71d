package org.omnitill.core.journal;

import java.time.Instant;
import java.util.List;

/** The audit rows of sensitive actions. */
public interface AuditRepository {

    void add(long journalSequence, Instant at, AuditEntry entry);

    /** A recorded row with when it happened. */
    record Row(long journalSequence, Instant at, AuditEntry entry) {
    }

    /** Rows in {@code [from, to)} by time, oldest first. */
    List<Row> between(Instant from, Instant to);

    /** Rows whose journal entries lie in {@code [fromSequence, toSequence]}, oldest first. */
    List<Row> inSequences(long fromSequence, long toSequence);
}
