package org.omnitill.core.scan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Where the item code and the embedded price or weight sit in a variable-measure EAN-13. Positions
 * are 1-based and inclusive, counted in the EAN-13 form: positions 1-2 are always the prefix
 * (which prefixes use a layout is said by {@link VariableMeasureRule}) and 13 is always the EAN
 * check digit, so every field lies within 3..12 and no two fields overlap.
 *
 * @param itemCodeFrom      first digit of the item code
 * @param itemCodeTo        last digit of the item code
 * @param valueFrom         first digit of the price or weight
 * @param valueTo           last digit of the price or weight
 * @param priceCheckDigitAt position of the GS1 price/weight check digit over the value, or
 *                          {@link #NO_PRICE_CHECK_DIGIT}; only for 4 or 5-digit values
 * @param kind              whether the value is a price or a weight
 * @param scale             implied decimals of the value: 2 for a price in cents ({@code 01234}
 *                          is 12.34), 3 for a weight in grams ({@code 01234} is 1.234 kg)
 */
public record VariableMeasureLayout(
        int itemCodeFrom,
        int itemCodeTo,
        int valueFrom,
        int valueTo,
        int priceCheckDigitAt,
        VariableKind kind,
        int scale) {

    public static final int NO_PRICE_CHECK_DIGIT = 0;

    private static final int FIRST_FREE = 3;
    private static final int LAST_FREE = 12;

    public VariableMeasureLayout {
        Objects.requireNonNull(kind, "kind");
        requireField("item code", itemCodeFrom, itemCodeTo);
        requireField("value", valueFrom, valueTo);
        if (overlap(itemCodeFrom, itemCodeTo, valueFrom, valueTo)) {
            throw new IllegalArgumentException("item code and value overlap");
        }
        if (priceCheckDigitAt != NO_PRICE_CHECK_DIGIT) {
            requireField("price check digit", priceCheckDigitAt, priceCheckDigitAt);
            if (overlap(priceCheckDigitAt, priceCheckDigitAt, itemCodeFrom, itemCodeTo)
                    || overlap(priceCheckDigitAt, priceCheckDigitAt, valueFrom, valueTo)) {
                throw new IllegalArgumentException("price check digit overlaps another field");
            }
            int length = valueTo - valueFrom + 1;
            if (length != 4 && length != 5) {
                throw new IllegalArgumentException("a price check digit covers 4 or 5 digits, not " + length);
            }
        }
        if (scale < 0) {
            throw new IllegalArgumentException("scale must not be negative: " + scale);
        }
    }

    /** Prefix 1-2, item code 3-7, price 8-12 in cents, EAN check digit 13; no price check digit. */
    public static VariableMeasureLayout price() {
        return new VariableMeasureLayout(3, 7, 8, 12, NO_PRICE_CHECK_DIGIT, VariableKind.PRICE, 2);
    }

    /** Prefix 1-2, item code 3-7, weight 8-12 in grams, EAN check digit 13; no price check digit. */
    public static VariableMeasureLayout weight() {
        return new VariableMeasureLayout(3, 7, 8, 12, NO_PRICE_CHECK_DIGIT, VariableKind.WEIGHT, 3);
    }

    /** Prefix 1-2, item code 3-6, price check digit 7, price 8-12 in cents, EAN check digit 13. */
    public static VariableMeasureLayout priceWithCheckDigit() {
        return new VariableMeasureLayout(3, 6, 8, 12, 7, VariableKind.PRICE, 2);
    }

    /** Prefix 1-2, item code 3-6, weight check digit 7, weight 8-12 in grams, EAN check digit 13. */
    public static VariableMeasureLayout weightWithCheckDigit() {
        return new VariableMeasureLayout(3, 6, 8, 12, 7, VariableKind.WEIGHT, 3);
    }

    /** The same layout with other implied decimals, e.g. 0 for a price in yen. */
    public VariableMeasureLayout withScale(int newScale) {
        return new VariableMeasureLayout(itemCodeFrom, itemCodeTo, valueFrom, valueTo, priceCheckDigitAt, kind, newScale);
    }

    public boolean hasPriceCheckDigit() {
        return priceCheckDigitAt != NO_PRICE_CHECK_DIGIT;
    }

    String itemCode(String ean13) {
        return ean13.substring(itemCodeFrom - 1, itemCodeTo);
    }

    String valueDigits(String ean13) {
        return ean13.substring(valueFrom - 1, valueTo);
    }

    /** True when there is no price check digit or it matches the value digits. */
    boolean priceCheckDigitMatches(String ean13) {
        return !hasPriceCheckDigit()
                || PriceCheckDigit.of(valueDigits(ean13)) == ean13.charAt(priceCheckDigitAt - 1) - '0';
    }

    BigDecimal value(String ean13) {
        return new BigDecimal(new BigInteger(valueDigits(ean13)), scale);
    }

    private static void requireField(String name, int from, int to) {
        if (from < FIRST_FREE || to > LAST_FREE || from > to) {
            throw new IllegalArgumentException(name + " must lie within positions " + FIRST_FREE + ".."
                    + LAST_FREE + " (1-2 are the prefix, 13 the check digit), not " + from + ".." + to);
        }
    }

    private static boolean overlap(int fromA, int toA, int fromB, int toB) {
        return fromA <= toB && fromB <= toA;
    }
}
