package org.omnitill.core.scan;

/** What the value embedded in a variable-measure barcode means. */
public enum VariableKind {
    /** The price of the item, in currency units with the layout's implied decimals. */
    PRICE,
    /** The weight of the item in kilograms, with the layout's implied decimals (3: grams). */
    WEIGHT
}
