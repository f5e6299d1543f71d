package org.omnitill.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UpcETest {

    // UPC-A check digit: weights 3,1,3,... from the left over the 11 digits (3 on the rightmost).
    @ParameterizedTest(name = "UPC-E {0} expands to UPC-A {1}")
    @CsvSource({
            // d6 = 1 (0-2): s d1 d2 d6 0000 d3 d4 d5 -> 0 42 1 0000 526
            //   odd positions 0+2+0+0+5+6 = 13 x 3 = 39, even 4+1+0+0+2 = 7, 46 -> check 4
            "04252614, 042100005264",
            // d = 123454, d6 = 4: s d1 d2 d3 d4 00000 d5 -> 0 1234 00000 5
            //   01234000005: odd 0+2+4+0+0+5 = 11 x 3 = 33, even 1+3+0+0+0 = 4, 37 -> check 3
            "01234543, 012340000053",
            // d6 = 3: s d1 d2 d3 00000 d4 d5 -> 0 123 00000 45
            //   01230000045: odd 0+2+0+0+0+5 = 7 x 3 = 21, even 1+3+0+0+4 = 8, 29 -> check 1
            "01234531, 012300000451",
            // d6 = 1: 0 12 1 0000 345
            //   01210000345: odd 0+2+0+0+3+5 = 10 x 3 = 30, even 1+1+0+0+4 = 6, 36 -> check 4
            "01234514, 012100003454",
            // d6 = 6 (5-9): s d1..d5 0000 d6 -> 0 12345 0000 6
            //   01234500006: odd 0+2+4+0+0+6 = 12 x 3 = 36, even 1+3+5+0+0 = 9, 45 -> check 5
            "01234565, 012345000065",
            // number system 1, d6 = 0: 1 98 0 0000 765
            //   19800000765: odd 1+8+0+0+7+5 = 21 x 3 = 63, even 9+0+0+0+6 = 15, 78 -> check 2
            "19876502, 198000007652",
    })
    void expandsByTheLastDataDigit(String upcE, String upcA) {
        assertThat(UpcE.expand(upcE)).contains(upcA);
    }

    @ParameterizedTest(name = "{0} is not a UPC-E")
    @ValueSource(strings = {
            "04252615",  // wrong check digit (4 is right)
            "01234566",  // wrong check digit (5 is right)
            "24252614",  // number system 2
            "96385074",  // an EAN-8, number system 9
            "0425261",   // 7 digits
            "042526144", // 9 digits
            "0425261A",
    })
    void refusesWhatIsNotAValidUpcE(String code) {
        assertThat(UpcE.expand(code)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNothing(String code) {
        assertThat(UpcE.expand(code)).isEmpty();
    }
}
