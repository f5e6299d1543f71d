package org.omnitill.core.sale;

import org.omnitill.core.money.Money;

/**
 * Where the payment of a sale stands. Amounts are positive for a sale and for a refund alike;
 * {@link #refund()} says which way the money goes.
 *
 * @param total          what the sale comes to, unsigned
 * @param paidByCard     card tenders so far
 * @param cashGiven      cash tendered so far
 * @param cashRounding   how much cash rounding moved the total (negative when it rounded down)
 * @param remaining      still to pay, with cash rounding applied to what is left for cash
 * @param remainingByCard still to pay if the rest is paid by card (never rounded)
 * @param change         cash to hand back; zero until cash exceeds what is due
 */
public record Payment(boolean refund, Money total, Money paidByCard, Money cashGiven, Money cashRounding,
                      Money remaining, Money remainingByCard, Money change) {

    /** Paid in full: by card alone, or with cash covering the (rounded) cash part. */
    public boolean isSettled() {
        return remaining.isZero() && (remainingByCard.isZero() || !cashGiven.isZero());
    }
}
