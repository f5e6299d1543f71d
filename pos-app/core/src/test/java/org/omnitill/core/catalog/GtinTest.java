package org.omnitill.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest(name = "{0} is a valid GTIN")
    @ValueSource(strings = {
            "4006381333931",  // EAN-13 from GS1's check digit calculator example
            "96385074",       // EAN-8
            "036000291452",   // UPC-A
            "10614141000415", // GTIN-14 from GS1's examples
            "8471933596977",  // from the demo catalog
    })
    void acceptsCodesWithTheRightCheckDigit(String code) {
        assertThat(Gtin.isValid(code)).isTrue();
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(strings = {"4006381333932", "96385075", "036000291453", "123", "40063813339311", "400638133393A", ""})
    void rejectsWrongCheckDigitsLengthsAndLetters(String code) {
        assertThat(Gtin.isValid(code)).isFalse();
    }

    @ParameterizedTest(name = "check digit of {0} is {1}")
    @CsvSource({"400638133393, 1", "9638507, 4", "03600029145, 2", "1061414100041, 5"})
    void computesTheGs1CheckDigit(String digits, int check) {
        assertThat(Gtin.checkDigit(digits)).isEqualTo(check);
    }
}
