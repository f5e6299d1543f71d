package org.omnitill.core.sync;

import java.time.Instant;
import java.util.UUID;

/** A document waiting in the outbox, with its journal entry exactly as written (the hub checks the chain). */
public record OutboundDocument(UUID id, String type, long sequence, Instant createdAt, String prevHash, String hash,
                               String body) {
}
