package org.omnitill.core.sale;

/** Actions at the till that a store may restrict by role. */
public enum Permission {
    PRICE_OVERRIDE,
    LINE_DISCOUNT,
    BASKET_DISCOUNT,
    VOID_LINE,
    VOID_SALE,
    RETURN_WITH_RECEIPT,
    RETURN_WITHOUT_RECEIPT,
    REPRINT
}
