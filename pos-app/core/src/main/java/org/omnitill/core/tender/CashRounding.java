package org.omnitill.core.tender;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.omnitill.core.money.Money;

/**
 * Rounds what is paid in cash to the smallest coin in circulation (0.05 in Canada since the penny
 * went, 0.10 or 1.00 elsewhere). Card and other tenders are never rounded. Rounding is to the
 * nearest step, halves up: with a 0.05 step 4.92 becomes 4.90 and 4.93 becomes 4.95.
 */
public record CashRounding(BigDecimal step) {

    public static final CashRounding NONE = new CashRounding(BigDecimal.ZERO);

    public CashRounding {
        if (step == null || step.signum() < 0) {
            throw new IllegalArgumentException("the cash rounding step must be zero or positive");
        }
    }

    public Money round(Money amount) {
        if (step.signum() == 0) {
            return amount;
        }
        BigDecimal steps = amount.amount().divide(step, 0, RoundingMode.HALF_UP);
        return Money.of(steps.multiply(step), amount.currency());
    }
}
