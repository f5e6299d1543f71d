package org.omnitill.core.staff;

/** What a staff member is, from least to most trusted. Permissions per role arrive with the staff issue. */
public enum Role {
    CASHIER,
    SUPERVISOR,
    MANAGER,
    OWNER
}
