package org.omnitill.core.journal;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** The journal as the local store keeps it. */
public interface JournalRepository {

    /** The last sequence and hash; {@code 0} and {@link JournalEntry#GENESIS} before the first entry. */
    record Head(long lastSequence, String lastHash) {
    }

    /**
     * Appends a document with the next gapless sequence number. Must run inside the transaction
     * that writes the document's effects, so the number is used if and only if they commit.
     *
     * @param bodyForSequence builds the canonical JSON body once the sequence is known
     */
    JournalEntry append(String type, UUID documentId, Instant createdAt, LongFunction<String> bodyForSequence);

    Head head();

    /** Every entry in sequence order, streamed. */
    void forEach(Consumer<JournalEntry> action);
}
