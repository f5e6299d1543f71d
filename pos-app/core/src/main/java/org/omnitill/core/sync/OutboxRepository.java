package org.omnitill.core.sync;

import java.time.Instant;
import java.util.UUID;

/** Documents waiting for the hub; written in the same transaction as the document itself. */
public interface OutboxRepository {

    void add(UUID documentId, long journalSequence, String type, String body, Instant createdAt);

    /** How many documents wait, for the status bar. */
    long pending();
}
