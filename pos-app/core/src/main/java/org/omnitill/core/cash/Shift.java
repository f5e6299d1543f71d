package org.omnitill.core.cash;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.omnitill.core.money.Money;

/**
 * One drawer's cash from the counted float to the count at close. Open while {@code closedAt} is
 * {@code null}; a closed shift has the expected and counted cash.
 *
 * @param drawer {@code TILL} when cashiers share the drawer, {@code STAFF-<id>} when each has their own
 */
public record Shift(UUID id, String drawer, long openedById, String openedByName, Instant openedAt, Money openingFloat,
                    Instant closedAt, String closedByName, Money expectedCash, Money countedCash) {

    public Shift {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(drawer, "drawer");
        Objects.requireNonNull(openingFloat, "openingFloat");
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Counted less expected: positive when the drawer is over, negative when short. */
    public Money variance() {
        return countedCash == null || expectedCash == null ? null : countedCash.minus(expectedCash);
    }
}
