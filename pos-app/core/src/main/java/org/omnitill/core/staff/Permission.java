package org.omnitill.core.staff;

/** Actions a store restricts by role. The default matrix is {@link RolePolicy#defaults()}. */
public enum Permission {
    /** Sell at another price than the shelf price. */
    PRICE_OVERRIDE,
    /** Line and basket discounts up to the store's discount limit. */
    DISCOUNT,
    /** Discounts above the store's discount limit. */
    DISCOUNT_ABOVE_LIMIT,
    VOID_LINE,
    VOID_SALE,
    RETURN_WITH_RECEIPT,
    RETURN_WITHOUT_RECEIPT,
    REPRINT,
    /** Open the cash drawer without a sale. */
    NO_SALE,
    /** Paid in, paid out and safe drops. */
    CASH_IN_OUT,
    /** Accept a drawer count whose variance is above the store's limit. */
    ACCEPT_VARIANCE,
    X_REPORT,
    /** Close the day, and the Z slip. */
    Z_REPORT,
    /** Reports over date ranges, stock and staff administration. */
    BACK_OFFICE,
    SETTINGS
}
