package org.omnitill.core.staff;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Permissions by role. Each role has its own set; the defaults grow with trust, so a supervisor may
 * do what a cashier may and more. A store may replace the set of any role in its settings.
 */
public final class RolePolicy implements PermissionPolicy {

    private final Map<Role, Set<Permission>> granted;

    public RolePolicy(Map<Role, Set<Permission>> granted) {
        EnumMap<Role, Set<Permission>> copy = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<Permission> set = granted.get(role);
            copy.put(role, set == null || set.isEmpty()
                    ? Collections.unmodifiableSet(EnumSet.noneOf(Permission.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(set)));
        }
        this.granted = Collections.unmodifiableMap(copy);
    }

    /**
     * The default matrix. Cashier: discounts within the limit, void a line, returns with a receipt,
     * reprints. Supervisor adds price override, larger discounts, void sale, returns without a
     * receipt, no-sale, cash in and out, accepting a variance and the X report. Manager adds the Z
     * report and the back office. Owner adds the settings.
     */
    public static RolePolicy defaults() {
        return new RolePolicy(defaultMatrix());
    }

    public static Map<Role, Set<Permission>> defaultMatrix() {
        Set<Permission> cashier = EnumSet.of(Permission.DISCOUNT, Permission.VOID_LINE, Permission.RETURN_WITH_RECEIPT,
                Permission.REPRINT);
        Set<Permission> supervisor = EnumSet.copyOf(cashier);
        supervisor.addAll(EnumSet.of(Permission.PRICE_OVERRIDE, Permission.DISCOUNT_ABOVE_LIMIT, Permission.VOID_SALE,
                Permission.RETURN_WITHOUT_RECEIPT, Permission.NO_SALE, Permission.CASH_IN_OUT, Permission.ACCEPT_VARIANCE,
                Permission.X_REPORT));
        Set<Permission> manager = EnumSet.copyOf(supervisor);
        manager.addAll(EnumSet.of(Permission.Z_REPORT, Permission.BACK_OFFICE));
        Set<Permission> owner = EnumSet.allOf(Permission.class);
        Map<Role, Set<Permission>> matrix = new EnumMap<>(Role.class);
        matrix.put(Role.CASHIER, cashier);
        matrix.put(Role.SUPERVISOR, supervisor);
        matrix.put(Role.MANAGER, manager);
        matrix.put(Role.OWNER, owner);
        return matrix;
    }

    /** The defaults with the given roles' sets replaced (the settings' {@code rolePermissions}). */
    public static RolePolicy withOverrides(Map<Role, Set<Permission>> overrides) {
        Map<Role, Set<Permission>> matrix = defaultMatrix();
        if (overrides != null) {
            matrix.putAll(overrides);
        }
        return new RolePolicy(matrix);
    }

    @Override
    public boolean allows(StaffMember who, Permission what) {
        return who != null && granted.get(who.role()).contains(what);
    }

    public Set<Permission> permissionsOf(Role role) {
        return granted.get(role);
    }
}
