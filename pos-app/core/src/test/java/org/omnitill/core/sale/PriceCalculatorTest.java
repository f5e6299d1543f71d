package org.omnitill.core.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;

class PriceCalculatorTest {

    private static SaleLine line(int number, String taxCode, String price, String quantity, String currency) {
        Money unit = Money.of(price, currency);
        return new SaleLine(number, new ProductRef(number, "SKU" + number, "Item " + number, taxCode, Unit.EACH),
                new BigDecimal(quantity), unit, unit, null, null);
    }

    private static PriceCalculator calculator(String currency, TaxMode mode, TaxRounding rounding, TaxRate... rates) {
        return new PriceCalculator(Currency.getInstance(currency), mode, rounding, List.of(rates));
    }

    // HMRC (UK): the VAT in a VAT-inclusive price at the standard 20 % rate is 1/6 of it; at the
    // reduced 5 % rate, 1/21.
    @ParameterizedTest(name = "{1} incl. VAT at {0} % contains {2} VAT")
    @CsvSource({"20, 120.00, 20.00", "20, 1.20, 0.20", "5, 21.00, 1.00", "20, 9.99, 1.67", "0, 5.00, 0.00"})
    void vatContainedInAnInclusivePrice(String percent, String gross, String vat) {
        SaleTotals totals = calculator("GBP", TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("R", "VAT", new BigDecimal(percent)))
                .calculate(List.of(line(1, "R", gross, "1", "GBP")), null);

        assertThat(totals.total()).isEqualTo(Money.of(gross, "GBP"));
        assertThat(totals.taxTotal()).isEqualTo(Money.of(vat, "GBP"));
        TaxLine rate = totals.taxes().get(0);
        assertThat(rate.net().plus(rate.tax())).isEqualTo(rate.gross());
    }

    // New York City sales tax, 8.875 %, added at the till: $10.00 -> $0.8875 -> $0.89.
    @Test
    void salesTaxIsAddedInAnExclusiveStore() {
        SaleTotals totals = calculator("USD", TaxMode.EXCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("NYC", "NYC sales tax", new BigDecimal("8.875")))
                .calculate(List.of(line(1, "NYC", "10.00", "1", "USD")), null);

        assertThat(totals.taxTotal()).isEqualTo(Money.of("0.89", "USD"));
        assertThat(totals.total()).isEqualTo(Money.of("10.89", "USD"));
    }

    // Three items at $0.99, 8.875 %: per line 0.0879 -> 0.09 each = 0.27; per invoice 2.97 x 8.875 % =
    // 0.2636 -> 0.26. Both methods are legal; the store chooses.
    @ParameterizedTest(name = "rounding {0} gives {1} tax")
    @CsvSource({"PER_LINE, 0.27, 3.24", "PER_INVOICE, 0.26, 3.23"})
    void roundingPerLineOrPerInvoice(TaxRounding rounding, String tax, String total) {
        PriceCalculator calculator = calculator("USD", TaxMode.EXCLUSIVE, rounding,
                new TaxRate("NYC", "NYC sales tax", new BigDecimal("8.875")));
        List<SaleLine> lines = List.of(line(1, "NYC", "0.99", "1", "USD"), line(2, "NYC", "0.99", "1", "USD"),
                line(3, "NYC", "0.99", "1", "USD"));

        SaleTotals totals = calculator.calculate(lines, null);

        assertThat(totals.taxTotal()).isEqualTo(Money.of(tax, "USD"));
        assertThat(totals.total()).isEqualTo(Money.of(total, "USD"));
    }

    @Test
    void taxIsShownPerRate() {
        PriceCalculator calculator = calculator("EUR", TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("STD", "IVA 21 %", new BigDecimal("21")), new TaxRate("RED", "IVA 10 %", new BigDecimal("10")));

        SaleTotals totals = calculator.calculate(List.of(line(1, "STD", "12.10", "1", "EUR"),
                line(2, "RED", "2.20", "2", "EUR")), null);

        assertThat(totals.taxes()).extracting(TaxLine::code).containsExactly("RED", "STD");
        assertThat(totals.taxes().get(0).tax()).isEqualTo(Money.of("0.40", "EUR")); // 4.40 x 10/110
        assertThat(totals.taxes().get(1).tax()).isEqualTo(Money.of("2.10", "EUR")); // 12.10 x 21/121
        assertThat(totals.taxes().get(1).net()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("16.50", "EUR"));
    }

    @Test
    void lineAndBasketDiscountsReduceAmountAndTax() {
        PriceCalculator calculator = calculator("EUR", TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("STD", "IVA 21 %", new BigDecimal("21")));
        List<SaleLine> lines = new ArrayList<>(List.of(line(1, "STD", "10.00", "1", "EUR"), line(2, "STD", "20.00", "1", "EUR")));
        lines.set(0, lines.get(0).withDiscount(Discount.percent("10")));

        SaleTotals totals = calculator.calculate(lines, Discount.amount("5.00"));

        // 9.00 + 20.00 = 29.00 before the basket discount; 5.00 spread 9:20 -> 1.55 and 3.45
        assertThat(totals.lines().get(0).lineDiscount()).isEqualTo(Money.of("1.00", "EUR"));
        assertThat(totals.lines().get(0).basketDiscount()).isEqualTo(Money.of("1.55", "EUR"));
        assertThat(totals.lines().get(1).basketDiscount()).isEqualTo(Money.of("3.45", "EUR"));
        assertThat(totals.discounts()).isEqualTo(Money.of("6.00", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(totals.subtotal()).isEqualTo(Money.of("30.00", "EUR"));
    }

    @Test
    void aHundredPercentDiscountMakesTheLineFree() {
        PriceCalculator calculator = calculator("EUR", TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("STD", "IVA 21 %", new BigDecimal("21")));
        SaleLine free = line(1, "STD", "3.99", "2", "EUR").withDiscount(Discount.percent("100"));

        SaleTotals totals = calculator.calculate(List.of(free), null);

        assertThat(totals.total().isZero()).isTrue();
        assertThat(totals.taxTotal().isZero()).isTrue();
    }

    @Test
    void returnLinesCountNegativeAndTakeNoBasketDiscount() {
        PriceCalculator calculator = calculator("EUR", TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                new TaxRate("STD", "IVA 21 %", new BigDecimal("21")));
        List<SaleLine> lines = List.of(line(1, "STD", "12.10", "1", "EUR"), line(2, "STD", "6.05", "-1", "EUR"));

        SaleTotals totals = calculator.calculate(lines, Discount.percent("10"));

        assertThat(totals.lines().get(1).basketDiscount().isZero()).isTrue();
        assertThat(totals.lines().get(1).amount()).isEqualTo(Money.of("-6.05", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("4.84", "EUR")); // 12.10 - 1.21 - 6.05
    }
}
