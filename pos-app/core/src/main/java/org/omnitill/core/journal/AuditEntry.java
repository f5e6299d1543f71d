package org.omnitill.core.journal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One sensitive action as the exceptions report lists it. Written with the journal document that
 * records the action, in the same transaction.
 *
 * @param kind       e.g. {@code VOID_LINE}, {@code NO_SALE}, {@code OVERRIDE}, {@code LOGIN_FAILED}
 * @param staffId    who did it; {@code null} when nobody signed in (a failed PIN is for a named member)
 * @param staffName  their name as it was then
 * @param approvedBy the supervisor who approved it, or {@code null}
 * @param amount     the money involved, or {@code null}
 * @param detail     one line for people
 */
public record AuditEntry(String kind, Long staffId, String staffName, String approvedBy, BigDecimal amount, String detail) {

    public AuditEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}
