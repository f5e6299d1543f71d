package org.omnitill.core.staff;

/**
 * The one permission check every restricted action goes through. The till runs a {@link RolePolicy};
 * {@link #ALLOW_ALL} remains for tests of the sale engine that are not about permissions.
 */
@FunctionalInterface
public interface PermissionPolicy {

    boolean allows(StaffMember who, Permission what);

    /** Every signed-in user may do everything. Tests only. */
    PermissionPolicy ALLOW_ALL = (who, what) -> true;

    /** Throws {@link NotAllowedException} when {@code who} may not do {@code what}. */
    default void require(StaffMember who, Permission what) {
        if (!allows(who, what)) {
            throw new NotAllowedException(who, what);
        }
    }
}
