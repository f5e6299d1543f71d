package org.omnitill.core.sale;

import java.math.BigDecimal;

/**
 * Sanity limits that stop typing mistakes (a price of 1000000, a quantity of 5000) at the till.
 *
 * @param maxQuantity  most pieces on one line
 * @param maxWeightKg  most kilograms on one line
 * @param maxUnitPrice highest unit price, also for overrides
 * @param discountLimitPercent discounts above this share of what they apply to need
 *                     {@code DISCOUNT_ABOVE_LIMIT}
 * @param maxCashOver  cash taken may exceed the cash due by at most this (the largest note): more is a
 *                     typing or scanning slip, not a customer's payment
 */
public record SaleLimits(BigDecimal maxQuantity, BigDecimal maxWeightKg, BigDecimal maxUnitPrice,
                         BigDecimal discountLimitPercent, BigDecimal maxCashOver) {

    public static SaleLimits defaults() {
        return new SaleLimits(new BigDecimal("999"), new BigDecimal("99.999"), new BigDecimal("99999.99"),
                new BigDecimal("10"), new BigDecimal("500"));
    }

    public SaleLimits withDiscountLimit(BigDecimal percent) {
        return new SaleLimits(maxQuantity, maxWeightKg, maxUnitPrice, percent, maxCashOver);
    }

    public SaleLimits withMaxCashOver(BigDecimal amount) {
        return new SaleLimits(maxQuantity, maxWeightKg, maxUnitPrice, discountLimitPercent, amount);
    }
}
