package org.omnitill.core.staff;

import java.util.Objects;

/** Someone who can sign in to the till. The PIN hash never leaves the store package. */
public record StaffMember(long id, String displayName, Role role) {

    public StaffMember {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
