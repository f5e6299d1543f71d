package org.omnitill.core.tax;

/** Where tax amounts are rounded to the currency's minor unit. */
public enum TaxRounding {
    /** Each line's tax is rounded, and the rounded line taxes are summed per rate. */
    PER_LINE,
    /** Unrounded tax is summed per rate over the whole sale, then rounded once per rate. */
    PER_INVOICE
}
