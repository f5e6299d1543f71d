package org.omnitill.desktop.sell;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cashier typed or scanned into the scan field: a code, optionally preceded by a quantity
 * and {@code *} ({@code 3*8412345678905}, or a weight in kilograms {@code 0.750*8412345678905};
 * comma or dot as the decimal mark).
 */
record ScanInput(Optional<BigDecimal> quantity, String code) {

    private static final Pattern QUANTITY_PREFIX = Pattern.compile("^(\\d{1,4}(?:[.,]\\d{1,3})?)\\s*\\*\\s*(.*)$");

    static ScanInput parse(String text) {
        String input = text == null ? "" : text.strip();
        Matcher matcher = QUANTITY_PREFIX.matcher(input);
        if (matcher.matches()) {
            return new ScanInput(Optional.of(new BigDecimal(matcher.group(1).replace(',', '.'))), matcher.group(2).strip());
        }
        return new ScanInput(Optional.empty(), input);
    }
}
