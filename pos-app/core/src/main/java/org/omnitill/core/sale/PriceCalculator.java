package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.money.Money;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;

/**
 * Turns sale lines into amounts, discounts and tax: the one place where a sale's money is computed.
 *
 * <ol>
 *   <li>gross per line = unit price x quantity, rounded to the currency;</li>
 *   <li>line discount, then the basket discount spread over the sold (not returned) lines in
 *       proportion to their amounts, the rounding remainder going to the largest line, so the
 *       shares always add up to the basket discount exactly;</li>
 *   <li>tax per rate: contained in the amount ({@code amount x r / (100 + r)}) in an inclusive store,
 *       added to it ({@code amount x r / 100}) in an exclusive one; rounded per line and summed, or
 *       summed unrounded and rounded once per rate, as the store is configured.</li>
 * </ol>
 */
public final class PriceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WORK_SCALE = 10;

    private final Currency currency;
    private final int scale;
    private final TaxMode mode;
    private final TaxRounding rounding;
    private final Map<String, BigDecimal> rates = new TreeMap<>();

    public PriceCalculator(Currency currency, TaxMode mode, TaxRounding rounding, List<TaxRate> taxRates) {
        this.currency = currency;
        this.scale = Math.max(currency.getDefaultFractionDigits(), 0);
        this.mode = mode;
        this.rounding = rounding;
        taxRates.forEach(rate -> rates.put(rate.code(), rate.percent()));
    }

    public BigDecimal ratePercent(String taxCode) {
        BigDecimal rate = rates.get(taxCode);
        if (rate == null) {
            throw new SaleException(SaleException.Code.BAD_PRICE, "tax code " + taxCode + " is not defined in the store settings");
        }
        return rate;
    }

    public SaleTotals calculate(List<SaleLine> lines, Discount basketDiscount) {
        return calculate(lines, basketDiscount, List.of());
    }

    /**
     * The sale's money with the promotions in force: each line at its shelf price, not returned and
     * not discounted by hand, gets the promotion that takes most off it, as its line discount.
     */
    public SaleTotals calculate(List<SaleLine> lines, Discount basketDiscount, List<Promotion> promotions) {
        int n = lines.size();
        BigDecimal[] gross = new BigDecimal[n];
        BigDecimal[] lineOff = new BigDecimal[n];
        BigDecimal[] afterLine = new BigDecimal[n];
        Promotion.Applied[] applied = new Promotion.Applied[n];
        for (int i = 0; i < n; i++) {
            SaleLine line = lines.get(i);
            gross[i] = line.returnOf() != null && line.returnOf().refund() != null
                    ? line.returnOf().refund().amount().negate() // the exact share of what was paid
                    : round(line.unitPrice().amount().multiply(line.quantity()));
            BigDecimal base = gross[i].abs();
            BigDecimal off = line.discount() == null ? BigDecimal.ZERO.setScale(scale) : line.discount().on(base, scale);
            if (line.discount() == null && !line.isReturn() && !line.isPriceOverridden()) {
                for (Promotion promotion : promotions) {
                    BigDecimal promoted = promotion.discountOn(line, gross[i], scale);
                    if (promoted.compareTo(off) > 0) {
                        off = promoted;
                        applied[i] = promotion.applied();
                    }
                }
            }
            lineOff[i] = gross[i].signum() < 0 ? off.negate() : off;
            afterLine[i] = gross[i].subtract(lineOff[i]);
        }
        BigDecimal[] basketShare = spreadBasketDiscount(lines, afterLine, basketDiscount);

        BigDecimal[] amount = new BigDecimal[n];
        BigDecimal[] exactTax = new BigDecimal[n];
        BigDecimal[] lineTax = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            amount[i] = afterLine[i].subtract(basketShare[i]);
            BigDecimal percent = ratePercent(lines.get(i).product().taxCode());
            BigDecimal divisor = mode == TaxMode.INCLUSIVE ? HUNDRED.add(percent) : HUNDRED;
            exactTax[i] = amount[i].multiply(percent).divide(divisor, WORK_SCALE, RoundingMode.HALF_UP);
            lineTax[i] = round(exactTax[i]);
        }

        Map<String, BigDecimal[]> byRate = new TreeMap<>(); // code -> {amount, exact tax, rounded line tax}
        for (int i = 0; i < n; i++) {
            BigDecimal[] sums = byRate.computeIfAbsent(lines.get(i).product().taxCode(),
                    code -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(amount[i]);
            sums[1] = sums[1].add(exactTax[i]);
            sums[2] = sums[2].add(lineTax[i]);
        }
        List<TaxLine> taxes = new ArrayList<>();
        BigDecimal taxTotal = BigDecimal.ZERO;
        BigDecimal amountTotal = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> entry : byRate.entrySet()) {
            BigDecimal[] sums = entry.getValue();
            BigDecimal tax = rounding == TaxRounding.PER_LINE ? sums[2] : round(sums[1]);
            BigDecimal net = mode == TaxMode.INCLUSIVE ? sums[0].subtract(tax) : sums[0];
            BigDecimal grossOfRate = mode == TaxMode.INCLUSIVE ? sums[0] : sums[0].add(tax);
            taxes.add(new TaxLine(entry.getKey(), rates.get(entry.getKey()), money(net), money(tax), money(grossOfRate)));
            taxTotal = taxTotal.add(tax);
            amountTotal = amountTotal.add(sums[0]);
        }
        BigDecimal total = mode == TaxMode.INCLUSIVE ? amountTotal : amountTotal.add(taxTotal);

        List<LineTotal> lineTotals = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            lineTotals.add(new LineTotal(lines.get(i).number(), money(gross[i]), money(lineOff[i]), money(basketShare[i]),
                    money(amount[i]), money(lineTax[i]), applied[i]));
            subtotal = subtotal.add(gross[i]);
            discounts = discounts.add(lineOff[i]).add(basketShare[i]);
        }
        return new SaleTotals(lineTotals, taxes, money(subtotal), money(discounts), money(taxTotal), money(total));
    }

    private BigDecimal[] spreadBasketDiscount(List<SaleLine> lines, BigDecimal[] afterLine, Discount basketDiscount) {
        int n = lines.size();
        BigDecimal[] share = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            share[i] = BigDecimal.ZERO.setScale(scale);
        }
        if (basketDiscount == null) {
            return share;
        }
        BigDecimal base = BigDecimal.ZERO;
        int largest = -1;
        for (int i = 0; i < n; i++) {
            if (afterLine[i].signum() > 0) {
                base = base.add(afterLine[i]);
                if (largest < 0 || afterLine[i].compareTo(afterLine[largest]) > 0) {
                    largest = i;
                }
            }
        }
        if (base.signum() == 0) {
            return share;
        }
        BigDecimal off = basketDiscount.on(base, scale);
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            if (afterLine[i].signum() > 0 && i != largest) {
                share[i] = off.multiply(afterLine[i]).divide(base, scale, RoundingMode.HALF_UP);
                given = given.add(share[i]);
            }
        }
        share[largest] = off.subtract(given);
        return share;
    }

    private BigDecimal round(BigDecimal value) {
        return value.setScale(scale, Money.ROUNDING);
    }

    private Money money(BigDecimal value) {
        return Money.of(value, currency);
    }
}
