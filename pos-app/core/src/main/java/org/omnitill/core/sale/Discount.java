package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A discount on a line or on the whole basket: a percentage of the amount, or a fixed amount off.
 * A percentage is more than 0 and at most 100; an amount is more than 0 (and never more than what
 * it applies to, which the sale checks).
 */
public record Discount(Kind kind, BigDecimal value) {

    public enum Kind { PERCENT, AMOUNT }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Discount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new SaleException(SaleException.Code.BAD_DISCOUNT, "a discount must be more than zero");
        }
        if (kind == Kind.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new SaleException(SaleException.Code.BAD_DISCOUNT, "a discount cannot be more than 100 %, not " + value.toPlainString() + " %");
        }
    }

    public static Discount percent(String value) {
        return new Discount(Kind.PERCENT, new BigDecimal(value));
    }

    public static Discount amount(String value) {
        return new Discount(Kind.AMOUNT, new BigDecimal(value));
    }

    /** The discount on {@code base}, rounded to {@code scale} decimals, never more than {@code base}. */
    BigDecimal on(BigDecimal base, int scale) {
        BigDecimal off = kind == Kind.PERCENT
                ? base.multiply(value).divide(HUNDRED, scale, RoundingMode.HALF_UP)
                : value.setScale(scale, RoundingMode.HALF_UP);
        return off.min(base);
    }
}
