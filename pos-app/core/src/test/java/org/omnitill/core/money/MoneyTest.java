package org.omnitill.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} is held as {2}")
    @CsvSource({
            "1.005, EUR, 1.01",
            "1.004, EUR, 1.00",
            "-1.005, EUR, -1.01",
            "199.5, JPY, 200",
            "2, USD, 2.00",
    })
    void amountsAreHeldAtTheCurrencyScaleRoundedHalfUp(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).amount()).isEqualByComparingTo(expected);
        assertThat(Money.of(amount, currency).amount().toPlainString()).isEqualTo(expected);
    }

    @Test
    void weighedAmountIsRoundedOnceAtTheEnd() {
        // 0.755 kg at 2.29/kg = 1.72895 -> 1.73
        assertThat(Money.of("2.29", "EUR").times(new BigDecimal("0.755"))).isEqualTo(Money.of("1.73", "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot combine");
    }

    @Test
    void formatsForTheUsersLocale() {
        Money money = Money.of("1234.5", "EUR");
        assertThat(money.format(Locale.forLanguageTag("es-ES"))).isEqualTo("1.234,50\u00a0€");
        assertThat(money.format(Locale.US)).isEqualTo("€1,234.50");
    }
}
