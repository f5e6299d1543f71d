package org.omnitill.core.scan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which two-digit EAN-13 prefixes carry a variable measure, and in which layout. GS1 keeps
 * {@code 02} and {@code 20}-{@code 29} for such in-store numbers; each country or store decides
 * which of them carry a price and which a weight, e.g. 21-22 weight and 23-24 price is two rules.
 * UPC-A number system 2 is EAN-13 prefix {@code 02}.
 *
 * @param prefixes two-digit prefixes, no duplicates
 * @param layout   where the item code and value sit
 */
public record VariableMeasureRule(List<String> prefixes, VariableMeasureLayout layout) {

    public VariableMeasureRule {
        Objects.requireNonNull(layout, "layout");
        prefixes = List.copyOf(prefixes);
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one prefix");
        }
        for (String prefix : prefixes) {
            if (prefix.length() != 2 || !PriceCheckDigit.isDigits(prefix)) {
                throw new IllegalArgumentException("a variable-measure prefix is two digits, not '" + prefix + "'");
            }
        }
        if (new HashSet<>(prefixes).size() != prefixes.size()) {
            throw new IllegalArgumentException("duplicate prefix in " + prefixes);
        }
    }

    public static VariableMeasureRule of(VariableMeasureLayout layout, String... prefixes) {
        return new VariableMeasureRule(List.of(prefixes), layout);
    }

    /** The default rule: prefixes 02 and 20-29, {@link VariableMeasureLayout#price()}. */
    public static VariableMeasureRule defaultRule() {
        return of(VariableMeasureLayout.price(), "02", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29");
    }
}
