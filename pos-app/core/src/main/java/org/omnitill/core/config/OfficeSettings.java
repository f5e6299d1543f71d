package org.omnitill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.Role;

/**
 * How the store runs staff and cash: the part of the settings the staff and cash office features read.
 *
 * @param drawerMode           one drawer shared by everyone on the till, or one per cashier
 * @param denominations        the notes and coins counted, largest first; empty for the currency's defaults
 * @param varianceLimit        a drawer over or short by more than this needs a manager and a reason
 * @param discountLimitPercent discounts above this share of the line or basket need {@code DISCOUNT_ABOVE_LIMIT}
 * @param autoLockMinutes      the till locks after this long without input; 0 never
 * @param maxPinFailures       wrong PINs in a row before the member is locked out
 * @param lockoutMinutes       how long a lockout lasts
 * @param rolePermissions      roles whose permission set replaces the default one
 * @param cashReasons          the reason codes offered for paid in and paid out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficeSettings(
        DrawerMode drawerMode,
        List<BigDecimal> denominations,
        BigDecimal varianceLimit,
        BigDecimal discountLimitPercent,
        Integer autoLockMinutes,
        Integer maxPinFailures,
        Integer lockoutMinutes,
        Map<Role, Set<Permission>> rolePermissions,
        List<String> cashReasons) {

    public enum DrawerMode { SHARED, PER_CASHIER }

    public OfficeSettings {
        drawerMode = drawerMode == null ? DrawerMode.SHARED : drawerMode;
        denominations = denominations == null ? List.of() : List.copyOf(denominations);
        for (BigDecimal d : denominations) {
            if (d == null || d.signum() <= 0) {
                throw new IllegalArgumentException("denominations must be positive amounts, not " + d);
            }
        }
        varianceLimit = varianceLimit == null ? new BigDecimal("5.00") : varianceLimit;
        if (varianceLimit.signum() < 0) {
            throw new IllegalArgumentException("varianceLimit must not be negative");
        }
        discountLimitPercent = discountLimitPercent == null ? new BigDecimal("10") : discountLimitPercent;
        if (discountLimitPercent.signum() < 0 || discountLimitPercent.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("discountLimitPercent must be 0 to 100");
        }
        autoLockMinutes = autoLockMinutes == null ? 5 : autoLockMinutes;
        maxPinFailures = maxPinFailures == null ? 5 : maxPinFailures;
        lockoutMinutes = lockoutMinutes == null ? 15 : lockoutMinutes;
        if (autoLockMinutes < 0 || maxPinFailures < 1 || lockoutMinutes < 1) {
            throw new IllegalArgumentException("autoLockMinutes must be 0 or more, maxPinFailures and lockoutMinutes 1 or more");
        }
        rolePermissions = rolePermissions == null ? Map.of() : Map.copyOf(rolePermissions);
        cashReasons = cashReasons == null || cashReasons.isEmpty()
                ? List.of("CHANGE", "SUPPLIES", "DELIVERY", "REFUND", "OTHER") : List.copyOf(cashReasons);
    }

    public static OfficeSettings defaults() {
        return new OfficeSettings(null, null, null, null, null, null, null, null, null);
    }
}
