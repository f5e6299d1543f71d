package org.omnitill.core.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervisor's approval of one restricted action for a staff member who lacks the permission.
 * Made only by {@link LoginService#approve}, which checks the approver's PIN or badge and role.
 * An approval is used once; who approved what is recorded with the action's journal document.
 */
public record Approval(Permission permission, StaffMember approver, Instant at) {

    public Approval {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
    }
}
