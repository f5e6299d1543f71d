package org.omnitill.core.journal;

import java.time.Instant;
import java.util.UUID;
import org.omnitill.sync.protocol.JournalHash;

/**
 * One finished document in the till's journal. {@code hash = SHA-256(prevHash || body)}, the body
 * being the document's canonical JSON, which itself carries the sequence, id and type, so that no
 * entry can be renumbered, moved or edited without the chain showing it.
 */
public record JournalEntry(long sequence, UUID documentId, String type, Instant createdAt, String body,
                           String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = JournalHash.GENESIS;

    /** The chain's hash, as the hub computes it too ({@link JournalHash}). */
    public static String hash(String prevHash, String body) {
        return JournalHash.of(prevHash, body);
    }
}
