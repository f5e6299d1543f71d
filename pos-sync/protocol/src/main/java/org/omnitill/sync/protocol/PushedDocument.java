package org.omnitill.sync.protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * One journal document as a till pushes it: the journal entry exactly as the till wrote it, so
 * the hub can check {@code hash = SHA-256(prevHash || body)} and the chain from one sequence to the next.
 *
 * @param id        the document id, made at the till
 * @param type      e.g. {@code sale}
 * @param sequence  the till's gapless journal number
 * @param createdAt when the till completed it
 * @param prevHash  hash of the till's previous journal entry (64 zeros for the first)
 * @param hash      SHA-256 of prevHash (ASCII) followed by body (UTF-8), lower-case hex
 * @param body      the canonical JSON the till hashed, as a string
 */
public record PushedDocument(UUID id, String type, long sequence, Instant createdAt, String prevHash, String hash,
                             String body) {
}
