package org.omnitill.desktop.sell;

/**
 * One sale line as the table shows it, already formatted for the user's locale.
 *
 * @param note what else applies to the line: a discount, a changed price, a return
 */
public record CartRow(int number, String name, String quantity, String unitPrice, String amount, String note) {
}
