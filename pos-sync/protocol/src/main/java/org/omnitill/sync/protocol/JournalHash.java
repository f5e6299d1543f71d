package org.omnitill.sync.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The journal's hash chain, shared by the till that writes it and the hub that checks it:
 * {@code hash = SHA-256(prevHash as ASCII || body as UTF-8)}, lower-case hex.
 */
public final class JournalHash {

    /** The previous hash of a till's first journal entry. */
    public static final String GENESIS = "0".repeat(64);

    private JournalHash() {
    }

    public static String of(String prevHash, String body) {
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
