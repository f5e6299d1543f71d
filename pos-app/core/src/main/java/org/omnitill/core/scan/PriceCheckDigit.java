package org.omnitill.core.scan;

/**
 * The GS1 price/weight check digit ("price verifier digit") that some variable-measure layouts
 * carry beside a 4 or 5-digit price or weight, as described in the GS1 General Specifications,
 * section 7.9 (check digit calculation for price/weight fields).
 *
 * <p>Each digit is replaced by a weighted product, then the products are summed:
 * <ul>
 *   <li><b>2-</b>: multiply by 2; the units digit of the product minus its tens digit (mod 10);</li>
 *   <li><b>3</b>: multiply by 3; the units digit of the product;</li>
 *   <li><b>5+</b>: multiply by 5; the units digit plus the tens digit (mod 10);</li>
 *   <li><b>5-</b>: multiply by 5; the units digit minus the tens digit (mod 10).</li>
 * </ul>
 * Four digits are weighted 2-, 2-, 3, 5-; the check digit is the units digit of three times the
 * sum. Five digits are weighted 5+, 2-, 5-, 5+, 2-; the sum is taken up to the next multiple of
 * ten, and the check digit is the digit whose 5- weighted product equals that difference. All four
 * weightings map the digits 0-9 one to one, so every single-digit error changes the check digit.
 */
public final class PriceCheckDigit {

    private PriceCheckDigit() {
    }

    /** The check digit of a 4 or 5-digit price or weight field. */
    public static int of(String digits) {
        if (digits == null || !isDigits(digits)) {
            throw new IllegalArgumentException("not a digit string: " + digits);
        }
        return switch (digits.length()) {
            case 4 -> fourDigit(digits);
            case 5 -> fiveDigit(digits);
            default -> throw new IllegalArgumentException(
                    "a price check digit covers 4 or 5 digits, not " + digits.length() + ": " + digits);
        };
    }

    private static int fourDigit(String digits) {
        int sum = twoMinus(digit(digits, 0)) + twoMinus(digit(digits, 1))
                + three(digit(digits, 2)) + fiveMinus(digit(digits, 3));
        return sum * 3 % 10;
    }

    private static int fiveDigit(String digits) {
        int sum = fivePlus(digit(digits, 0)) + twoMinus(digit(digits, 1)) + fiveMinus(digit(digits, 2))
                + fivePlus(digit(digits, 3)) + twoMinus(digit(digits, 4));
        int wanted = (10 - sum % 10) % 10;
        for (int candidate = 0; candidate <= 9; candidate++) {
            if (fiveMinus(candidate) == wanted) {
                return candidate;
            }
        }
        throw new AssertionError("5- maps 0-9 one to one");
    }

    static int twoMinus(int digit) {
        int product = 2 * digit;
        return Math.floorMod(product % 10 - product / 10, 10);
    }

    static int three(int digit) {
        return 3 * digit % 10;
    }

    static int fivePlus(int digit) {
        int product = 5 * digit;
        return (product % 10 + product / 10) % 10;
    }

    static int fiveMinus(int digit) {
        int product = 5 * digit;
        return Math.floorMod(product % 10 - product / 10, 10);
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
