package org.omnitill.core.tax;

/** Whether shelf prices include tax (VAT/GST stores) or tax is added at the till (US sales tax). */
public enum TaxMode {
    /** Prices include tax; the receipt shows the tax contained in the total. */
    INCLUSIVE,
    /** Prices exclude tax; tax is added on top of the net total. */
    EXCLUSIVE
}
