package org.omnitill.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;
import org.omnitill.core.tender.CashRounding;

/** Promotions applied by the sale engine: percent off and multi-buys, and where they do not apply. */
class PromotionTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Product EGGS = product(1, "3.29", Unit.EACH);
    private static final Product TOMATOES = product(2, "1.99", Unit.EACH);
    private static final Product BANANAS = product(3, "1.80", Unit.KG);

    private static Product product(long id, String price, Unit unit) {
        return new Product(id, "SKU" + id, "Item " + id, Money.of(price, "EUR"), "RED", null, unit, List.of());
    }

    private static Sale sale(Promotion... promotions) {
        PriceCalculator pricing = new PriceCalculator(EUR, TaxMode.INCLUSIVE, TaxRounding.PER_LINE,
                List.of(new TaxRate("RED", "Reduced", new BigDecimal("10"))));
        Sale sale = new Sale(UUID.randomUUID(), new StaffMember(1, "Alex", Role.CASHIER), EUR, pricing,
                new CashRounding(BigDecimal.ZERO), SaleLimits.defaults(), PermissionPolicy.ALLOW_ALL, NOW);
        sale.usePromotions(List.of(promotions));
        return sale;
    }

    private static Promotion percentOff(String code, String percent, String... skus) {
        return new Promotion(code, "Promo " + code, Promotion.Kind.PERCENT_OFF, new BigDecimal(percent), null, null,
                Set.of(skus), NOW.minusSeconds(3600), null);
    }

    private static Promotion multiBuy(String code, int quantity, String price, String... skus) {
        return new Promotion(code, quantity + " for " + price, Promotion.Kind.MULTI_BUY, null, quantity, new BigDecimal(price),
                Set.of(skus), NOW.minusSeconds(3600), null);
    }

    @Test
    void aPercentOffTakesItsShareOffTheLineAndSaysWhichPromotion() {
        Sale sale = sale(percentOff("EGG20", "20", "SKU1"));
        sale.add(EGGS, new BigDecimal("2"));

        LineTotal line = sale.totals().lines().get(0);
        assertThat(line.lineDiscount()).isEqualTo(Money.of("1.32", "EUR")); // 6.58 x 20 % = 1.316
        assertThat(line.amount()).isEqualTo(Money.of("5.26", "EUR"));
        assertThat(line.promotion()).isEqualTo(new Promotion.Applied("EGG20", "Promo EGG20"));
        assertThat(sale.totals().total()).isEqualTo(Money.of("5.26", "EUR"));
    }

    @ParameterizedTest(name = "{0} tomatoes at 1.99, 3 for 5.00: {1} off")
    @CsvSource({"1, 0.00", "2, 0.00", "3, 0.97", "5, 0.97", "6, 1.94", "7, 1.94", "9, 2.91"})
    void aMultiBuyPricesEveryCompleteGroup(int quantity, String off) {
        Sale sale = sale(multiBuy("TOM3", 3, "5.00", "SKU2"));
        sale.add(TOMATOES, BigDecimal.valueOf(quantity));

        assertThat(sale.totals().lines().get(0).lineDiscount()).isEqualTo(Money.of(off, "EUR"));
    }

    @Test
    void aMultiBuyThatWouldCostMoreThanTheShelfTakesNothingOff() {
        Sale sale = sale(multiBuy("BAD", 2, "5.00", "SKU2"));
        sale.add(TOMATOES, new BigDecimal("4"));
        assertThat(sale.totals().lines().get(0).lineDiscount().isZero()).isTrue();
        assertThat(sale.totals().lines().get(0).promotion()).isNull();
    }

    @Test
    void ofSeveralPromotionsTheOneThatTakesMostApplies() {
        Sale sale = sale(percentOff("TEN", "10", "SKU2"), multiBuy("TOM3", 3, "5.00", "SKU2"));
        sale.add(TOMATOES, new BigDecimal("3")); // 10 %: 0.60; 3 for 5.00: 0.97
        assertThat(sale.totals().lines().get(0).promotion().code()).isEqualTo("TOM3");
        sale.setQuantity(1, new BigDecimal("2")); // no complete group: the 10 % wins
        assertThat(sale.totals().lines().get(0).promotion().code()).isEqualTo("TEN");
        assertThat(sale.totals().lines().get(0).lineDiscount()).isEqualTo(Money.of("0.40", "EUR"));
    }

    @Test
    void aHandDiscountOrAPriceOverrideReplacesThePromotion() {
        Sale sale = sale(percentOff("EGG20", "20", "SKU1"));
        sale.add(EGGS, BigDecimal.ONE);
        sale.add(TOMATOES, BigDecimal.ONE);
        sale.add(EGGS, BigDecimal.ONE); // grows line 1
        sale.discountLine(1, Discount.percent("5"));
        assertThat(sale.totals().lines().get(0).lineDiscount()).isEqualTo(Money.of("0.33", "EUR")); // 5 % of 6.58
        assertThat(sale.totals().lines().get(0).promotion()).isNull();

        Sale other = sale(percentOff("EGG20", "20", "SKU1"));
        other.add(EGGS, BigDecimal.ONE);
        other.overridePrice(1, Money.of("3.00", "EUR"));
        assertThat(other.totals().lines().get(0).lineDiscount().isZero()).isTrue();
    }

    @Test
    void aWeighedLineGetsAPercentOffButNoMultiBuy() {
        Sale sale = sale(percentOff("BAN", "50", "SKU3"));
        sale.add(BANANAS, new BigDecimal("1.000"));
        assertThat(sale.totals().lines().get(0).lineDiscount()).isEqualTo(Money.of("0.90", "EUR"));

        Sale multi = sale(multiBuy("BAN2", 2, "2.00", "SKU3"));
        multi.add(BANANAS, new BigDecimal("4.000"));
        assertThat(multi.totals().lines().get(0).lineDiscount().isZero()).isTrue();
    }

    @Test
    void aPromotionIsInForceFromItsStartUpToItsEnd() {
        Promotion p = new Promotion("W", "Weekend", Promotion.Kind.PERCENT_OFF, BigDecimal.TEN, null, null, Set.of("SKU1"),
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(p.inForceAt(Instant.parse("2026-11-20T23:59:59Z"))).isFalse();
        assertThat(p.inForceAt(Instant.parse("2026-11-21T00:00:00Z"))).isTrue();
        assertThat(p.inForceAt(Instant.parse("2026-11-23T00:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new Promotion("X", "X", Promotion.Kind.PERCENT_OFF, new BigDecimal("120"), null, null,
                Set.of("SKU1"), NOW, null)).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> new Promotion("X", "X", Promotion.Kind.MULTI_BUY, null, 1, BigDecimal.ONE,
                Set.of("SKU1"), NOW, null)).hasMessageContaining("2 or more");
    }

    @Test
    void aBasketDiscountComesOnTopOfPromotionsAndTaxFollowsTheDiscountedAmounts() {
        Sale sale = sale(percentOff("EGG20", "20", "SKU1"));
        sale.add(EGGS, new BigDecimal("2")); // 5.26 after the promotion
        sale.discountBasket(Discount.amount("0.26"));
        assertThat(sale.totals().total()).isEqualTo(Money.of("5.00", "EUR"));
        assertThat(sale.totals().taxTotal()).isEqualTo(Money.of("0.45", "EUR")); // 5.00 x 10/110
    }
}
