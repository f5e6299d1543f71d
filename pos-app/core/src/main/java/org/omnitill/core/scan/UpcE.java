package org.omnitill.core.scan;

import java.util.Optional;
import org.omnitill.core.catalog.Gtin;

/**
 * UPC-E, the zero-suppressed 8-digit form of some UPC-A numbers: number system (0 or 1), six data
 * digits d1..d6, check digit. The last data digit says where the zeros were taken out:
 * <pre>
 *   d6 = 0, 1, 2   UPC-A  s d1 d2 d6 0 0 0 0 d3 d4 d5  c
 *   d6 = 3         UPC-A  s d1 d2 d3 0 0 0 0 0 d4 d5   c
 *   d6 = 4         UPC-A  s d1 d2 d3 d4 0 0 0 0 0 d5   c
 *   d6 = 5 .. 9    UPC-A  s d1 d2 d3 d4 d5 0 0 0 0 d6  c
 * </pre>
 * The check digit is that of the expanded UPC-A.
 */
public final class UpcE {

    private UpcE() {
    }

    /**
     * The 12-digit UPC-A that {@code code} expands to, or empty when {@code code} is not 8 digits,
     * its number system is not 0 or 1, or its check digit does not verify on the expansion.
     */
    public static Optional<String> expand(String code) {
        if (code == null || code.length() != 8 || !PriceCheckDigit.isDigits(code)) {
            return Optional.empty();
        }
        char numberSystem = code.charAt(0);
        if (numberSystem != '0' && numberSystem != '1') {
            return Optional.empty();
        }
        String d = code.substring(1, 7);
        String body = switch (d.charAt(5)) {
            case '0', '1', '2' -> numberSystem + d.substring(0, 2) + d.charAt(5) + "0000" + d.substring(2, 5);
            case '3' -> numberSystem + d.substring(0, 3) + "00000" + d.substring(3, 5);
            case '4' -> numberSystem + d.substring(0, 4) + "00000" + d.charAt(4);
            default -> numberSystem + d.substring(0, 5) + "0000" + d.charAt(5);
        };
        int check = Gtin.checkDigit(body);
        return check == code.charAt(7) - '0' ? Optional.of(body + check) : Optional.empty();
    }
}
