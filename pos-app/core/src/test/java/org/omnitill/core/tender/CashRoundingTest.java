package org.omnitill.core.tender;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.money.Money;

class CashRoundingTest {

    // Canada, rounding once the penny was withdrawn (2013): totals ending in 1 or 2 round down to 0,
    // 3 or 4 up to 5, 6 or 7 down to 5, 8 or 9 up to 10; 0 and 5 stay.
    @ParameterizedTest(name = "{0} in cash is {1} with a 0.05 step")
    @CsvSource({
            "4.92, 4.90", "1.01, 1.00", "1.02, 1.00", "1.03, 1.05", "1.04, 1.05",
            "1.05, 1.05", "1.06, 1.05", "1.07, 1.05", "1.08, 1.10", "1.09, 1.10", "1.10, 1.10",
    })
    void canadianPennyRounding(String total, String cash) {
        assertThat(new CashRounding(new BigDecimal("0.05")).round(Money.of(total, "CAD"))).isEqualTo(Money.of(cash, "CAD"));
    }

    @ParameterizedTest(name = "{0} with step {1} is {2}")
    @CsvSource({
            "4.94, 0.10, 4.90", "4.95, 0.10, 5.00", "4.96, 0.10, 5.00",
            "12.49, 1.00, 12.00", "12.50, 1.00, 13.00", "12.51, 1.00, 13.00",
            "4.92, 0, 4.92",
    })
    void otherSteps(String total, String step, String cash) {
        assertThat(new CashRounding(new BigDecimal(step)).round(Money.of(total, "SEK"))).isEqualTo(Money.of(cash, "SEK"));
    }
}
