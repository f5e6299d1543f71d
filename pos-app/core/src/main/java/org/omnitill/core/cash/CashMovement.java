package org.omnitill.core.cash;

import java.time.Instant;
import java.util.UUID;
import org.omnitill.core.money.Money;

/** Cash put into or taken from a drawer outside a sale, or the drawer opened without one. */
public record CashMovement(UUID id, UUID shiftId, Kind kind, Money amount, String reasonCode, String note, long staffId,
                           String staffName, String approvedBy, Instant at) {

    public enum Kind {
        /** Cash put in, e.g. more change. */
        PAID_IN,
        /** Cash taken out, e.g. to pay a delivery. */
        PAID_OUT,
        /** Cash taken to the safe during the shift. */
        SAFE_DROP,
        /** The drawer opened without a sale; amount zero. */
        NO_SALE;

        /** What this movement does to the cash the drawer should hold. */
        public int sign() {
            return switch (this) {
                case PAID_IN -> 1;
                case PAID_OUT, SAFE_DROP -> -1;
                case NO_SALE -> 0;
            };
        }
    }
}
