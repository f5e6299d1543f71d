package org.omnitill.core.sale;

import org.omnitill.core.staff.StaffMember;

/**
 * The one permission check every restricted sale action goes through. Until roles are enforced the
 * till runs {@link #ALLOW_ALL}, and the screens say so.
 */
@FunctionalInterface
public interface PermissionPolicy {

    boolean allows(StaffMember who, Permission what);

    /** Every signed-in user may do everything: visible on the sign-in screen while in use. */
    PermissionPolicy ALLOW_ALL = (who, what) -> true;

    /** Throws {@link SaleException} with {@code NOT_ALLOWED} when {@code who} may not do {@code what}. */
    default void require(StaffMember who, Permission what) {
        if (!allows(who, what)) {
            throw new SaleException(SaleException.Code.NOT_ALLOWED,
                    who.displayName() + " may not do this (" + what + "); ask a supervisor");
        }
    }
}
