package org.omnitill.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One finished document in the till's journal. {@code hash = SHA-256(prevHash || body)}, the body
 * being the document's canonical JSON, which itself carries the sequence, id and type, so that no
 * entry can be renumbered, moved or edited without the chain showing it.
 */
public record JournalEntry(long sequence, UUID documentId, String type, Instant createdAt, String body,
                           String prevHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    public static String hash(String prevHash, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
