package org.omnitill.core.sale;

import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.Permission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;
import org.omnitill.core.tender.CashRounding;
import org.omnitill.core.tender.Tender;
import org.omnitill.core.tender.TenderException;

class SaleTest {

    private static final Currency CAD = Currency.getInstance("CAD");
    private static final StaffMember ALEX = new StaffMember(1, "Alex", Role.CASHIER);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Product product(long id, String price, Unit unit) {
        return new Product(id, "SKU" + id, "Item " + id, Money.of(price, "CAD"), "GST", null, unit, List.of());
    }

    private static Sale sale(String cashStep, PermissionPolicy policy) {
        PriceCalculator pricing = new PriceCalculator(CAD, TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                List.of(new TaxRate("GST", "GST 5 %", new BigDecimal("5"))));
        return new Sale(UUID.randomUUID(), ALEX, CAD, pricing, new CashRounding(new BigDecimal(cashStep)),
                SaleLimits.defaults(), policy, NOW);
    }

    private static Money cad(String amount) {
        return Money.of(amount, "CAD");
    }

    // Canada's penny rounding: 4.92 paid in cash is 4.90; by card it stays 4.92.
    @Test
    void cashRoundsToNearestFiveCentsOnlyForCashPart() {
        Sale cash = sale("0.05", PermissionPolicy.ALLOW_ALL);
        cash.add(product(1, "4.92", Unit.EACH), BigDecimal.ONE);
        cash.addTender(new Tender.Cash(cad("5.00")));

        assertThat(cash.payment().isSettled()).isTrue();
        assertThat(cash.payment().change()).isEqualTo(cad("0.10"));
        assertThat(cash.payment().cashRounding()).isEqualTo(cad("-0.02"));

        Sale card = sale("0.05", PermissionPolicy.ALLOW_ALL);
        card.add(product(1, "4.92", Unit.EACH), BigDecimal.ONE);
        card.addTender(new Tender.Card(cad("4.92"), "VISA", "4242", "T-1", "123456"));

        assertThat(card.payment().isSettled()).isTrue();
        assertThat(card.payment().cashRounding().isZero()).isTrue();
        assertThat(card.payment().change().isZero()).isTrue();
    }

    @Test
    void splitPaymentRoundsOnlyWhatIsLeftForCash() {
        Sale sale = sale("0.05", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "4.92", Unit.EACH), BigDecimal.ONE);
        sale.addTender(new Tender.Card(cad("2.00"), "MC", null, null, null));

        assertThat(sale.payment().remaining()).isEqualTo(cad("2.90"));
        assertThat(sale.payment().remainingByCard()).isEqualTo(cad("2.92"));
        sale.addTender(new Tender.Cash(cad("2.90")));

        assertThat(sale.payment().isSettled()).isTrue();
        assertThat(sale.payment().change().isZero()).isTrue();
        sale.markCompleted();
        assertThat(sale.state()).isEqualTo(Sale.State.COMPLETED);
    }

    @Test
    void aTenderShortOfTheAmountDueCannotComplete() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "10.00", Unit.EACH), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(cad("5.00")));

        assertThatThrownBy(sale::markCompleted).isInstanceOf(SaleException.class).hasMessageContaining("5.00 is still due");
        assertThat(sale.state()).isEqualTo(Sale.State.TENDERING);
    }

    @Test
    void aCardCannotPayMoreThanIsDue() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "10.00", Unit.EACH), BigDecimal.ONE);

        assertThatThrownBy(() -> sale.addTender(new Tender.Card(cad("12.00"), "VISA", null, null, null)))
                .isInstanceOf(TenderException.class).hasMessageContaining("no cash back");
        assertThat(sale.tenders()).isEmpty();
    }

    @ParameterizedTest(name = "card field \"{0}\" is refused")
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "%B4111111111111111^DOE/J^2512", ";4111111111111111=2512"})
    void fullCardNumbersAndTrackDataAreNeverAccepted(String cardData) {
        assertThatThrownBy(() -> new Tender.Card(cad("1.00"), "VISA", null, cardData, null))
                .isInstanceOf(TenderException.class).hasMessageContaining("not stored");
        assertThatThrownBy(() -> new Tender.Card(cad("1.00"), "VISA", cardData, null, null))
                .isInstanceOf(TenderException.class);
    }

    @Test
    void theSameScanAddsToTheLineButWeighedGoodsGetTheirOwn() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "1.00", Unit.EACH), BigDecimal.ONE);
        sale.add(product(1, "1.00", Unit.EACH), new BigDecimal("2"));
        sale.add(product(2, "2.50", Unit.KG), new BigDecimal("0.500"));
        sale.add(product(2, "2.50", Unit.KG), new BigDecimal("0.250"));

        assertThat(sale.lines()).hasSize(3);
        assertThat(sale.lines().get(0).quantity()).isEqualByComparingTo("3");
        assertThat(sale.totals().total()).isEqualTo(cad("4.88")); // 3.00 + 1.25 + 0.625->0.63
    }

    @Test
    void badQuantitiesPricesAndDiscountsAreRefusedAndChangeNothing() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "5.00", Unit.EACH), BigDecimal.ONE);

        assertThatThrownBy(() -> sale.add(product(2, "1.00", Unit.EACH), new BigDecimal("-1")))
                .isInstanceOf(SaleException.class).extracting("code").isEqualTo(SaleException.Code.BAD_QUANTITY);
        assertThatThrownBy(() -> sale.add(product(2, "1.00", Unit.EACH), new BigDecimal("5000")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_QUANTITY);
        assertThatThrownBy(() -> sale.add(product(2, "1.00", Unit.EACH), new BigDecimal("1.5")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_QUANTITY);
        assertThatThrownBy(() -> sale.overridePrice(1, cad("1000000.00")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_PRICE);
        assertThatThrownBy(() -> sale.overridePrice(1, cad("-1.00")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_PRICE);
        assertThatThrownBy(() -> sale.discountLine(1, Discount.percent("150")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_DISCOUNT);
        assertThatThrownBy(() -> sale.discountLine(1, Discount.amount("6.00")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_DISCOUNT);
        assertThatThrownBy(() -> sale.discountBasket(Discount.amount("9.00")))
                .extracting("code").isEqualTo(SaleException.Code.BAD_DISCOUNT);

        assertThat(sale.lines()).hasSize(1);
        assertThat(sale.totals().total()).isEqualTo(cad("5.00"));
    }

    @Test
    void restrictedActionsGoThroughThePolicy() {
        Sale sale = sale("0", (who, what) -> what != Permission.PRICE_OVERRIDE);
        sale.add(product(1, "5.00", Unit.EACH), BigDecimal.ONE);

        assertThatThrownBy(() -> sale.overridePrice(1, cad("4.00")))
                .isInstanceOf(SaleException.class)
                .hasMessageContaining("Alex may not")
                .extracting("code").isEqualTo(SaleException.Code.NOT_ALLOWED);
        sale.discountLine(1, Discount.percent("10"));
        assertThat(sale.totals().total()).isEqualTo(cad("4.50"));
    }

    @Test
    void voidedLinesLeaveTheTicketButStayOnRecord() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "1.00", Unit.EACH), BigDecimal.ONE);
        sale.add(product(2, "2.00", Unit.EACH), BigDecimal.ONE);
        sale.add(product(3, "3.00", Unit.EACH), BigDecimal.ONE);

        sale.voidLine(2, NOW);

        assertThat(sale.lines()).extracting(SaleLine::number).containsExactly(1, 2);
        assertThat(sale.lines()).extracting(l -> l.product().sku()).containsExactly("SKU1", "SKU3");
        assertThat(sale.voidedLines()).singleElement().satisfies(v -> assertThat(v.line().product().sku()).isEqualTo("SKU2"));
        assertThat(sale.totals().total()).isEqualTo(cad("4.00"));
    }

    @Test
    void linesAreFixedOncePaymentStartsAndFreeAgainWhenItIsTakenBack() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "10.00", Unit.EACH), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(cad("5.00")));

        assertThatThrownBy(() -> sale.add(product(2, "1.00", Unit.EACH), BigDecimal.ONE))
                .extracting("code").isEqualTo(SaleException.Code.WRONG_STATE);
        sale.clearTenders();
        sale.add(product(2, "1.00", Unit.EACH), BigDecimal.ONE);
        assertThat(sale.totals().total()).isEqualTo(cad("11.00"));
    }

    @Test
    void aRefundPaysOutAndNeverMoreThanIsOwed() {
        Sale sale = sale("0.05", PermissionPolicy.ALLOW_ALL);
        sale.addReturn(ProductRef.of(product(1, "4.92", Unit.EACH)), BigDecimal.ONE, cad("4.92"), null);

        assertThat(sale.payment().refund()).isTrue();
        assertThat(sale.payment().remaining()).isEqualTo(cad("4.90"));
        assertThatThrownBy(() -> sale.addTender(new Tender.Cash(cad("5.00")))).isInstanceOf(TenderException.class);
        sale.addTender(new Tender.Cash(cad("4.90")));
        sale.markCompleted();
        assertThat(sale.payment().change().isZero()).isTrue();
    }

    @Test
    void anEmptySaleCannotBePaid() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);

        assertThatThrownBy(() -> sale.addTender(new Tender.Cash(cad("1.00"))))
                .extracting("code").isEqualTo(SaleException.Code.EMPTY_SALE);
    }

    @Test
    void cashMoreThanTheLargestNoteOverWhatIsDueIsASlipNotAPayment() {
        Sale sale = sale("0", PermissionPolicy.ALLOW_ALL);
        sale.add(product(1, "3.29", Unit.EACH), BigDecimal.ONE);

        // a scanned barcode typed into the cash field: refused, nothing taken
        assertThatThrownBy(() -> sale.addTender(new Tender.Cash(cad("8414850557430"))))
                .isInstanceOf(TenderException.class).hasMessageContaining("check the amount");
        assertThat(sale.tenders()).isEmpty();
        sale.addTender(new Tender.Cash(cad("503.29"))); // a 500 note over is still a payment
        assertThat(sale.payment().change()).isEqualTo(cad("500.00"));
    }
}
