package org.omnitill.sync.protocol;

import java.util.UUID;

/**
 * The hub's answer for one pushed document.
 *
 * @param status {@link Status#ACCEPTED} (stored now), {@link Status#DUPLICATE} (stored before: resending
 *               is harmless) or {@link Status#REJECTED} (not stored; {@code reason} says why)
 */
public record DocumentResult(UUID id, Status status, String reason) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /** Whether the till may drop the document from its outbox. */
    public boolean acknowledged() {
        return status == Status.ACCEPTED || status == Status.DUPLICATE;
    }
}
