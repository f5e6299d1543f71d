package org.omnitill.core.staff;

import java.util.Locale;

/**
 * {@code who} may not do {@code what}. The screens answer it by asking for a supervisor's approval
 * of that one action (see {@link Approval}).
 */
public class NotAllowedException extends RuntimeException {

    private final transient StaffMember who;
    private final Permission permission;

    public NotAllowedException(StaffMember who, Permission permission) {
        super(who.displayName() + " may not " + describe(permission) + "; a supervisor can approve it");
        this.who = who;
        this.permission = permission;
    }

    public StaffMember who() {
        return who;
    }

    public Permission permission() {
        return permission;
    }

    static String describe(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
