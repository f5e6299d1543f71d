package org.omnitill.core.scan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.omnitill.core.catalog.Gtin;
import org.omnitill.core.scan.Scan.Reason;

/**
 * Classifies one scan or typed code into a {@link Scan}. Immutable and thread-safe. The rules and
 * their order are described in the {@linkplain org.omnitill.core.scan package documentation}.
 */
public final class BarcodeParser {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*");
    private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9]+-[0-9]{1,18}");

    private final Map<String, VariableMeasureLayout> layoutsByPrefix = new HashMap<>();
    private final List<PrefixedKind> prefixed;

    /**
     * @param rules    variable-measure rules; no prefix may appear in two rules
     * @param prefixes the store's own code prefixes
     */
    public BarcodeParser(List<VariableMeasureRule> rules, ScanPrefixes prefixes) {
        Objects.requireNonNull(prefixes, "prefixes");
        for (VariableMeasureRule rule : List.copyOf(rules)) {
            for (String prefix : rule.prefixes()) {
                if (layoutsByPrefix.putIfAbsent(prefix, rule.layout()) != null) {
                    throw new IllegalArgumentException("prefix " + prefix + " is in more than one rule");
                }
            }
        }
        prefixed = List.of(
                        new PrefixedKind(prefixes.loyalty(), CODE, Scan.Loyalty::new),
                        new PrefixedKind(prefixes.coupon(), CODE, Scan.Coupon::new),
                        new PrefixedKind(prefixes.receipt(), RECEIPT, Scan.Receipt::new),
                        new PrefixedKind(prefixes.pickup(), CODE, Scan.PickupOrder::new))
                .stream()
                .sorted(Comparator.comparingInt((PrefixedKind kind) -> kind.prefix().length()).reversed())
                .toList();
    }

    /** Prefixes 02 and 20-29 as prices ({@link VariableMeasureRule#defaultRule()}), default prefixes. */
    public static BarcodeParser defaults() {
        return new BarcodeParser(List.of(VariableMeasureRule.defaultRule()), ScanPrefixes.defaults());
    }

    /** What {@code input} is; never throws, {@code null} counts as empty. */
    public Scan parse(String input) {
        String code = input == null ? "" : input.strip();
        if (code.isEmpty()) {
            return new Scan.Rejected(code, Reason.EMPTY);
        }
        for (PrefixedKind kind : prefixed) {
            if (code.regionMatches(true, 0, kind.prefix(), 0, kind.prefix().length())) {
                String rest = code.substring(kind.prefix().length());
                return kind.format().matcher(rest).matches()
                        ? kind.create().apply(rest)
                        : new Scan.Rejected(code, Reason.MALFORMED);
            }
        }
        if (!PriceCheckDigit.isDigits(code)) {
            return new Scan.Rejected(code, Reason.NOT_DIGITS);
        }
        return switch (code.length()) {
            case 8 -> eightDigits(code);
            case 12, 13 -> twelveOrThirteenDigits(code);
            case 14 -> Gtin.isValid(code) ? new Scan.Item(code) : new Scan.Rejected(code, Reason.BAD_CHECK_DIGIT);
            default -> new Scan.Rejected(code, Reason.WRONG_LENGTH);
        };
    }

    private static Scan eightDigits(String code) {
        if (Gtin.isValid(code)) {
            return new Scan.Item(code);
        }
        return UpcE.expand(code)
                .<Scan>map(Scan.Item::new)
                .orElseGet(() -> new Scan.Rejected(code, Reason.BAD_CHECK_DIGIT));
    }

    private Scan twelveOrThirteenDigits(String code) {
        if (!Gtin.isValid(code)) {
            return new Scan.Rejected(code, Reason.BAD_CHECK_DIGIT);
        }
        String ean13 = code.length() == 12 ? "0" + code : code;
        VariableMeasureLayout layout = layoutsByPrefix.get(ean13.substring(0, 2));
        if (layout == null) {
            return new Scan.Item(code);
        }
        if (!layout.priceCheckDigitMatches(ean13)) {
            return new Scan.Rejected(code, Reason.BAD_PRICE_CHECK_DIGIT);
        }
        return new Scan.VariableMeasure(layout.itemCode(ean13), layout.kind(), layout.value(ean13), code);
    }

    private record PrefixedKind(String prefix, Pattern format, Function<String, Scan> create) {
    }
}
