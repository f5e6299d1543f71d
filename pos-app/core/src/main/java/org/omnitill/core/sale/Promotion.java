package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.omnitill.core.catalog.Unit;

/**
 * A promotion from the hub, applied by the till on its own (also offline) to the lines it covers.
 * Two kinds: {@code PERCENT_OFF} takes {@code percent} off each covered line; {@code MULTI_BUY}
 * sells every {@code buyQuantity} pieces of one covered line for {@code bundlePrice} ("3 for 5.00").
 *
 * <p>A promotion is in force from {@code effectiveFrom} up to (not including) {@code effectiveTo},
 * or for good when that is {@code null}. It applies to a line at its shelf price: not to a return,
 * a line whose price was overridden, or a line the cashier discounted by hand (the hand discount
 * replaces it). Of several promotions on one line the one that takes most off applies.
 */
public record Promotion(String code, String name, Kind kind, BigDecimal percent, Integer buyQuantity, BigDecimal bundlePrice,
                        Set<String> skus, Instant effectiveFrom, Instant effectiveTo) {

    public enum Kind { PERCENT_OFF, MULTI_BUY }

    /** What a receipt and a sale document say about an applied promotion. */
    public record Applied(String code, String name) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Promotion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        skus = Set.copyOf(skus);
        if (kind == Kind.PERCENT_OFF && (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("promotion " + code + ": a percentage off is more than 0 and at most 100");
        }
        if (kind == Kind.MULTI_BUY && (buyQuantity == null || buyQuantity < 2 || bundlePrice == null || bundlePrice.signum() < 0)) {
            throw new IllegalArgumentException("promotion " + code + ": a multi-buy needs a quantity of 2 or more and a price");
        }
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("promotion " + code + ": it must end after it starts");
        }
    }

    public boolean inForceAt(Instant at) {
        return !at.isBefore(effectiveFrom) && (effectiveTo == null || at.isBefore(effectiveTo));
    }

    public Applied applied() {
        return new Applied(code, name);
    }

    /**
     * Money off {@code line} (whose gross is {@code gross}, positive), rounded to {@code scale}
     * decimals; zero when this promotion does not cover it. Never more than the gross.
     */
    BigDecimal discountOn(SaleLine line, BigDecimal gross, int scale) {
        BigDecimal none = BigDecimal.ZERO.setScale(scale);
        if (!skus.contains(line.product().sku()) || gross.signum() <= 0) {
            return none;
        }
        BigDecimal off = switch (kind) {
            case PERCENT_OFF -> gross.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP);
            case MULTI_BUY -> {
                if (line.product().unit() != Unit.EACH || line.quantity().stripTrailingZeros().scale() > 0) {
                    yield none;
                }
                BigDecimal groups = line.quantity().divideToIntegralValue(BigDecimal.valueOf(buyQuantity));
                BigDecimal regular = line.unitPrice().amount().multiply(BigDecimal.valueOf(buyQuantity));
                BigDecimal perGroup = regular.subtract(bundlePrice);
                yield perGroup.signum() <= 0 ? none : perGroup.multiply(groups).setScale(scale, RoundingMode.HALF_UP);
            }
        };
        return off.min(gross);
    }
}
