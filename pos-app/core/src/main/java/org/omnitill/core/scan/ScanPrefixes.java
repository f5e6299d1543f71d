package org.omnitill.core.scan;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The prefixes that mark the store's own codes: loyalty cards, coupons, receipts and pickup
 * orders. Matched case-insensitively, longest first. A prefix must not be blank, must not contain
 * whitespace and must not start with a digit (so it can never be mistaken for a barcode); the four
 * must differ.
 *
 * <p>What follows a prefix is letters, digits and inner hyphens ({@code LOY12345},
 * {@code PU-A7K2-19}); a receipt is {@code TILLCODE-SEQUENCE}, the till code letters and digits,
 * the sequence 1 to 18 digits ({@code R-T01-000123} with the default prefix {@code R-}).
 */
public record ScanPrefixes(String loyalty, String coupon, String receipt, String pickup) {

    public ScanPrefixes {
        requireUsable("loyalty", loyalty);
        requireUsable("coupon", coupon);
        requireUsable("receipt", receipt);
        requireUsable("pickup", pickup);
        Set<String> distinct = Stream.of(loyalty, coupon, receipt, pickup)
                .map(prefix -> prefix.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (distinct.size() != 4) {
            throw new IllegalArgumentException("the four prefixes must differ: " + loyalty + ", " + coupon
                    + ", " + receipt + ", " + pickup);
        }
    }

    /** {@code LOY}, {@code CPN}, {@code R-} and {@code PU-}. */
    public static ScanPrefixes defaults() {
        return new ScanPrefixes("LOY", "CPN", "R-", "PU-");
    }

    private static void requireUsable(String name, String prefix) {
        Objects.requireNonNull(prefix, name);
        if (prefix.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the " + name + " prefix must be non-empty without spaces: '" + prefix + "'");
        }
        if (prefix.charAt(0) >= '0' && prefix.charAt(0) <= '9') {
            throw new IllegalArgumentException("the " + name + " prefix must not start with a digit: " + prefix);
        }
    }
}
