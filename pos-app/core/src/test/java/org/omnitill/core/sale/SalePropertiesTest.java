package org.omnitill.core.sale;

import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.Permission;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.SaleRepository.SoldLine;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;
import org.omnitill.core.tender.CashRounding;

/** Properties of the sale's money that must hold for any basket, not just the worked examples. */
class SalePropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final List<TaxRate> RATES = List.of(new TaxRate("STD", "21", new BigDecimal("21")),
            new TaxRate("RED", "10", new BigDecimal("10")), new TaxRate("ZERO", "0", BigDecimal.ZERO));

    record Item(int cents, int quantity, String tax, int discountPercent) {
    }

    @Provide
    Arbitrary<Item> items() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 500_00),
                Arbitraries.integers().between(1, 20),
                Arbitraries.of("STD", "RED", "ZERO"),
                Arbitraries.integers().between(0, 100)).as(Item::new);
    }

    private static Sale sale(List<Item> items, TaxMode mode, TaxRounding rounding, Integer basketPercent) {
        Sale sale = new Sale(UUID.randomUUID(), new StaffMember(1, "P", Role.CASHIER), EUR,
                new PriceCalculator(EUR, mode, rounding, RATES), CashRounding.NONE, SaleLimits.defaults(),
                PermissionPolicy.ALLOW_ALL, Instant.EPOCH);
        long id = 1;
        for (Item item : items) {
            Product product = new Product(id++, "S" + id, "P" + id, Money.of(BigDecimal.valueOf(item.cents(), 2), EUR),
                    item.tax(), null, Unit.EACH, List.of());
            SaleLine line = sale.add(product, BigDecimal.valueOf(item.quantity()));
            if (item.discountPercent() > 0) {
                sale.discountLine(line.number(), new Discount(Discount.Kind.PERCENT, BigDecimal.valueOf(item.discountPercent())));
            }
        }
        if (basketPercent != null && basketPercent > 0) {
            sale.discountBasket(new Discount(Discount.Kind.PERCENT, BigDecimal.valueOf(basketPercent)));
        }
        return sale;
    }

    @Property
    void theTotalIsTheSumOfTheLinesAndOfTheTaxRates(@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("items") Item> items,
                                                     @ForAll TaxMode mode, @ForAll TaxRounding rounding,
                                                     @ForAll @IntRange(min = 0, max = 100) int basketPercent) {
        SaleTotals totals = sale(items, mode, rounding, basketPercent).totals();

        Money lines = totals.lines().stream().map(LineTotal::amount).reduce(Money.zero(EUR), Money::plus);
        Money gross = totals.taxes().stream().map(t -> t.gross()).reduce(Money.zero(EUR), Money::plus);
        Money taxes = totals.taxes().stream().map(t -> t.tax()).reduce(Money.zero(EUR), Money::plus);
        assertThat(gross).isEqualTo(totals.total());
        assertThat(taxes).isEqualTo(totals.taxTotal());
        assertThat(mode == TaxMode.INCLUSIVE ? lines : lines.plus(taxes)).isEqualTo(totals.total());
        assertThat(totals.subtotal().minus(totals.discounts())).isEqualTo(lines);
        totals.taxes().forEach(t -> assertThat(t.net().plus(t.tax())).isEqualTo(t.gross()));
        assertThat(totals.total().isNegative()).isFalse();
    }

    @Property
    void refundsInAnyStepsNeverExceedWhatWasPaid(@ForAll @IntRange(min = 1, max = 100_000) int amountCents,
                                                 @ForAll @IntRange(min = 1, max = 12) int sold,
                                                 @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 12) Integer> steps) {
        Money paid = Money.of(BigDecimal.valueOf(amountCents, 2), EUR);
        SoldLine line = new SoldLine(1, new ProductRef(1, "S", "P", "STD", Unit.EACH), BigDecimal.valueOf(sold), paid,
                BigDecimal.ZERO);
        BigDecimal returned = BigDecimal.ZERO;
        Money refunded = Money.zero(EUR);
        for (int step : steps) {
            BigDecimal count = BigDecimal.valueOf(step).min(BigDecimal.valueOf(sold).subtract(returned));
            if (count.signum() <= 0) {
                break;
            }
            refunded = refunded.plus(line.refundFor(returned, count));
            returned = returned.add(count);
            assertThat(refunded.compareTo(paid)).isLessThanOrEqualTo(0);
        }
        if (returned.compareTo(BigDecimal.valueOf(sold)) == 0) {
            assertThat(refunded).isEqualTo(paid); // everything back: exactly what was paid
        }
    }

    @Property
    void cashRoundingNeverMovesMoneyByMoreThanHalfAStep(@ForAll @IntRange(min = 0, max = 10_000_000) int cents,
                                                       @ForAll("steps") String step) {
        Money amount = Money.of(BigDecimal.valueOf(cents, 2), EUR);
        BigDecimal stepValue = new BigDecimal(step);

        Money rounded = new CashRounding(stepValue).round(amount);

        BigDecimal moved = rounded.amount().subtract(amount.amount()).abs();
        assertThat(moved).isLessThanOrEqualTo(stepValue.divide(BigDecimal.valueOf(2)));
        assertThat(rounded.amount().remainder(stepValue).signum()).isZero();
    }

    @Provide
    Arbitrary<String> steps() {
        return Arbitraries.of("0.05", "0.10", "1.00");
    }
}
