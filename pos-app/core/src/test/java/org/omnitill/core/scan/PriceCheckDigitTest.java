package org.omnitill.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceCheckDigitTest {

    @Test
    void weightedProductsFollowTheGs1Rules() {
        // 2-: 2d, units minus tens: 5 -> 10 -> 0-1 = 9; 9 -> 18 -> 8-1 = 7
        // 3 : 3d, units:            7 -> 21 -> 1
        // 5+: 5d, units plus tens:  3 -> 15 -> 5+1 = 6; 9 -> 45 -> 5+4 = 9
        // 5-: 5d, units minus tens: 2 -> 10 -> 0-1 = 9; 9 -> 45 -> 5-4 = 1
        int[] twoMinus = {0, 2, 4, 6, 8, 9, 1, 3, 5, 7};
        int[] three = {0, 3, 6, 9, 2, 5, 8, 1, 4, 7};
        int[] fivePlus = {0, 5, 1, 6, 2, 7, 3, 8, 4, 9};
        int[] fiveMinus = {0, 5, 9, 4, 8, 3, 7, 2, 6, 1};
        for (int d = 0; d <= 9; d++) {
            assertThat(PriceCheckDigit.twoMinus(d)).as("2- of %d", d).isEqualTo(twoMinus[d]);
            assertThat(PriceCheckDigit.three(d)).as("3 of %d", d).isEqualTo(three[d]);
            assertThat(PriceCheckDigit.fivePlus(d)).as("5+ of %d", d).isEqualTo(fivePlus[d]);
            assertThat(PriceCheckDigit.fiveMinus(d)).as("5- of %d", d).isEqualTo(fiveMinus[d]);
        }
    }

    @ParameterizedTest(name = "price check digit of {0} is {1}")
    @CsvSource({
            // 4 digits, weights 2- 2- 3 5-, check = units of 3 x sum.
            // The worked example of the GS1 General Specifications: 2875
            //   2- of 2 = 4, 2- of 8 = 16 -> 6-1 = 5, 3 of 7 = 21 -> 1, 5- of 5 = 25 -> 5-2 = 3
            //   sum 13, 13 x 3 = 39 -> 9
            "2875, 9",
            // 0199: 0 + 2 + (27 -> 7) + (45 -> 5-4 = 1) = 10, x 3 = 30 -> 0
            "0199, 0",
            // 1000: 2 + 0 + 0 + 0 = 2, x 3 = 6
            "1000, 6",
            "0000, 0",
            // 5 digits, weights 5+ 2- 5- 5+ 2-, then the digit whose 5- product is (10 - sum mod 10) mod 10.
            // The worked example of the GS1 General Specifications: 14685
            //   5+ of 1 = 5, 2- of 4 = 8, 5- of 6 = 30 -> 0-3 = 7, 5+ of 8 = 40 -> 4, 2- of 5 = 10 -> 9
            //   sum 33, 40 - 33 = 7, 5- of 6 = 7 -> 6
            "14685, 6",
            // 01234: 0 + 2 + (10 -> 9) + (15 -> 6) + 8 = 25, 30 - 25 = 5, 5- of 1 = 5 -> 1
            "01234, 1",
            // 00755: 0 + 0 + (35 -> 5-3 = 2) + (25 -> 5+2 = 7) + 9 = 18, 20 - 18 = 2, 5- of 7 = 35 -> 2 -> 7
            "00755, 7",
            "00000, 0",
    })
    void computesTheCheckDigit(String digits, int expected) {
        assertThat(PriceCheckDigit.of(digits)).isEqualTo(expected);
    }

    @Test
    void everySingleDigitErrorInAFourDigitFieldChangesTheCheckDigit() {
        assertEverySingleDigitErrorIsCaught(4);
    }

    @Test
    void everySingleDigitErrorInAFiveDigitFieldChangesTheCheckDigit() {
        assertEverySingleDigitErrorIsCaught(5);
    }

    @ParameterizedTest(name = "''{0}'' has no price check digit")
    @ValueSource(strings = {"", "123", "123456", "12a4", "12 45"})
    void refusesFieldsThatAreNotFourOrFiveDigits(String digits) {
        assertThatThrownBy(() -> PriceCheckDigit.of(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertEverySingleDigitErrorIsCaught(int length) {
        int count = (int) Math.pow(10, length);
        for (int n = 0; n < count; n++) {
            String field = String.format("%0" + length + "d", n);
            int check = PriceCheckDigit.of(field);
            for (int position = 0; position < length; position++) {
                char[] changed = field.toCharArray();
                for (char other = '0'; other <= '9'; other++) {
                    if (other == field.charAt(position)) {
                        continue;
                    }
                    changed[position] = other;
                    String wrong = new String(changed);
                    if (PriceCheckDigit.of(wrong) == check) {
                        throw new AssertionError(field + " and " + wrong + " share check digit " + check);
                    }
                }
            }
        }
    }
}
