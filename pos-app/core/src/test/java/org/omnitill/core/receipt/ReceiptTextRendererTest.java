package org.omnitill.core.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;
import org.omnitill.core.tender.Tender;

class ReceiptTextRendererTest {

    @TempDir
    Path dir;
    private DemoSales demo;

    @BeforeEach
    void open() throws Exception {
        demo = new DemoSales(dir);
    }

    @AfterEach
    void close() throws Exception {
        demo.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void aSimpleCashSaleRendersExactly() {
        CompletedSale sale = demo.simpleCashSale();

        String text = new ReceiptTextRenderer(42).render(demo.receipt(sale));

        assertThat(text).isEqualTo("""
                           Omnitill Demo Market
                      Calle Mayor 12, 46001 Valencia
                              NIF B-00000000

                14 Mar 2025 18:05                 Till T01
                Cashier: Alex Romero
                Receipt: T01-000001
                ------------------------------------------
                Granja Alba Free Range Eggs Large 12 €3.29
                Pack
                La Huerta Cherry Tomatoes 250 g      €2.78
                  2 x €1.39
                ------------------------------------------
                Subtotal                             €6.07
                TOTAL                                €6.07
                incl. tax                            €0.55
                ------------------------------------------
                Prices incl. tax
                Rate       Net    Tax   Gross
                RED 10%   5.52   0.55    6.07
                ------------------------------------------
                Cash                                €10.00
                Change                               €3.93
                ------------------------------------------
                          [barcode R-T01-000001]
                            Tell us how we did
                [qr https://example.org/omnitill-demo/feed
                back?r=T01-000001]
                                Thank you!
                """);
    }

    /** Weighed goods, a line discount, a basket discount, a return, card and cash: one sale. */
    private CompletedSale mixedSale() {
        CompletedSale first = demo.simpleCashSale();
        Sale sale = demo.newSale();
        sale.add(demo.product(DemoSales.EGGS), new BigDecimal("3"));
        sale.add(demo.product(DemoSales.BANANAS), new BigDecimal("0.755"));
        sale.discountLine(1, Discount.percent("10"));
        sale.discountBasket(Discount.amount("1.00"));
        SaleRepository.SoldReceipt original = demo.sales().findReceipt(first.receiptNumber()).orElseThrow();
        demo.sales().returnFromReceipt(sale, original, 2, BigDecimal.ONE);
        sale.addTender(new Tender.Card(eur("5.00"), "VISA", "4242", "TRM-0001-77", "A1B2C3"));
        sale.addTender(new Tender.Cash(eur("20.00")));
        return demo.sales().complete(sale);
    }

    @Test
    void showsWeightDiscountsReturnsAndCardDetails() {
        List<String> lines = new ReceiptTextRenderer(48).lines(demo.receipt(mixedSale()));

        assertThat(lines).containsSubsequence(
                "Granja Alba Free Range Eggs Large 12 Pack  €9.87",
                "  3 x €3.29",
                "  Discount 10%                            -€0.99",
                "  Basket discount                         -€0.84",
                "Bananas Canary Islands                     €1.73",
                "  0.755 kg x €2.29/kg",
                "  Basket discount                         -€0.16",
                "RETURN La Huerta Cherry Tomatoes 250 g    -€1.39",
                "  from receipt T01-000001",
                "Subtotal                                  €10.21",
                "Discounts                                 -€1.99",
                "TOTAL                                      €8.22",
                "incl. tax                                  €0.74",
                "Card VISA ****4242                         €5.00",
                "  Approval A1B2C3",
                "  Terminal ref TRM-0001-77",
                "Cash                                      €20.00",
                "Change                                    €16.78",
                "             [barcode R-T01-000002]");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 42, 48})
    void noLineIsWiderThanThePaper(int columns) {
        CompletedSale sale = mixedSale();
        for (Locale locale : List.of(DemoSales.ENGLISH, Locale.forLanguageTag("es-ES"), Locale.forLanguageTag("ru-RU"))) {
            List<String> lines = new ReceiptTextRenderer(columns).lines(
                    Receipt.of(sale, demo.till.settings(), locale, DemoSales.MADRID).asCopy());
            assertThat(lines).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(columns));
            assertThat(lines).noneMatch(line -> line.endsWith(" "));
        }
    }

    @Test
    void longNamesWrapAndKeepTheAmountOnTheFirstLine() {
        List<String> lines = new ReceiptTextRenderer(32).lines(demo.receipt(mixedSale()));

        assertThat(lines).containsSubsequence(
                "Granja Alba Free Range     €9.87",
                "Eggs Large 12 Pack",
                "  3 x €3.29");
        assertThat(lines).containsSubsequence("RETURN La Huerta Cherry   -€1.39", "Tomatoes 250 g");
    }

    @Test
    void aCopyIsMarked() {
        Receipt receipt = demo.receipt(demo.simpleCashSale());

        assertThat(new ReceiptTextRenderer(42).lines(receipt)).doesNotContain("               *** COPY ***");
        assertThat(new ReceiptTextRenderer(42).lines(receipt.asCopy())).contains("               *** COPY ***");
    }

    @Test
    void anExclusiveStoreAddsTaxBeforeTheTotal() {
        TillSettings exclusive = demo.till.settings().withTax(TaxMode.EXCLUSIVE, TaxRounding.PER_LINE,
                demo.till.settings().taxRates());
        demo.withSettings(exclusive);
        Sale sale = demo.newSale();
        sale.add(demo.product(DemoSales.EGGS), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(eur("5.00")));
        CompletedSale done = demo.sales().complete(sale);

        List<String> lines = new ReceiptTextRenderer(42).lines(Receipt.of(done, exclusive, DemoSales.ENGLISH, DemoSales.MADRID));

        assertThat(lines).containsSubsequence(
                "Subtotal                             €3.29",
                "Tax                                  €0.33",
                "TOTAL                                €3.62",
                "------------------------------------------",
                "Tax added to prices",
                "Rate       Net    Tax   Gross",
                "RED 10%   3.29   0.33    3.62");
        assertThat(lines).noneMatch(line -> line.startsWith("incl. tax"));
    }

    @Test
    void cashRoundingShowsWhenItMovedTheTotal() {
        TillSettings rounding = demo.till.settings().withCashRounding(new BigDecimal("0.05"));
        demo.withSettings(rounding);
        Sale sale = demo.newSale();
        sale.add(demo.product(DemoSales.EGGS), BigDecimal.ONE); // 3.29 -> 3.30 in cash
        sale.addTender(new Tender.Cash(eur("5.00")));
        CompletedSale done = demo.sales().complete(sale);

        List<String> lines = new ReceiptTextRenderer(42).lines(Receipt.of(done, rounding, DemoSales.ENGLISH, DemoSales.MADRID));

        assertThat(lines).containsSubsequence(
                "Cash                                 €5.00",
                "Cash rounding                        €0.01",
                "Change                               €1.70");
    }

    @Test
    void noQrCodeWithoutAFeedbackLink() {
        CompletedSale sale = demo.simpleCashSale();
        TillSettings noFeedback = new TillSettings("Corner Shop", "EUR", "T01", null, null, null, null, null, null,
                demo.till.settings().taxRates(), List.of(), null, null);

        Receipt receipt = Receipt.of(sale, noFeedback, DemoSales.ENGLISH, DemoSales.MADRID);

        assertThat(receipt.qrCode()).isNull();
        assertThat(new ReceiptTextRenderer(42).render(receipt)).contains("[barcode R-T01-000001]")
                .doesNotContain("[qr").doesNotContain("Tell us how we did");
    }

    @Test
    void theFeedbackLinkCarriesTheReceiptNumber() {
        assertThat(Receipt.feedbackLink("https://example.org/fb", "T01-000042")).isEqualTo("https://example.org/fb?r=T01-000042");
        assertThat(Receipt.feedbackLink("https://example.org/fb?store=7", "T01-000042"))
                .isEqualTo("https://example.org/fb?store=7&r=T01-000042");
        assertThat(Receipt.feedbackLink(null, "T01-000042")).isNull();
    }

    @Test
    void spanishReceiptsUseSpanishMoneyAndWording() {
        Receipt receipt = Receipt.of(demo.simpleCashSale(), demo.till.settings(), Locale.forLanguageTag("es-ES"),
                DemoSales.MADRID);

        List<String> lines = new ReceiptTextRenderer(42).lines(receipt);

        assertThat(lines).contains(
                "14 mar 2025 18:05                 Caja T01",
                "TOTAL                               6,07 €",
                "IVA incluido                        0,55 €",
                "Efectivo                           10,00 €");
    }

    @Test
    void aReceiptIsNeverNarrowerThanAUsefulWidth() {
        assertThatThrownBy(() -> new ReceiptTextRenderer(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32, 42 or 48");
    }
}
