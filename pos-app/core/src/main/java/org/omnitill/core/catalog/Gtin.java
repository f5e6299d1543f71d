package org.omnitill.core.catalog;

/**
 * GS1 trade item numbers (GTIN-8, -12, -13 and -14): the check digit rule. A code whose check digit
 * is wrong is never matched against the catalog.
 */
public final class Gtin {

    private Gtin() {
    }

    /** True when {@code code} is 8, 12, 13 or 14 digits and its last digit is the GS1 check digit. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        int length = code.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(code.substring(0, length - 1)) == code.charAt(length - 1) - '0';
    }

    /**
     * The GS1 check digit for the digits before it: from the right, weights 3, 1, 3, 1 ...; the
     * check digit brings the weighted sum up to a multiple of ten.
     */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        boolean weightThree = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int digit = digitsWithoutCheck.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit in " + digitsWithoutCheck);
            }
            sum += weightThree ? digit * 3 : digit;
            weightThree = !weightThree;
        }
        return (10 - sum % 10) % 10;
    }
}
