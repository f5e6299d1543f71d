package org.omnitill.desktop.sell;

/** One cart line as the table shows it, already formatted for the user's locale. */
public record CartRow(String name, String quantity, String unitPrice, String amount) {
}
