package org.omnitill.core.sale;

import org.omnitill.core.money.Money;

/**
 * What one line comes to.
 *
 * @param gross          unit price times quantity
 * @param lineDiscount   the line's own discount
 * @param basketDiscount this line's share of the basket discount
 * @param amount         what the customer pays for the line in shelf-price terms: gross less both discounts
 * @param tax            the line's tax (contained in {@code amount} in an inclusive store, on top of it otherwise),
 *                       rounded when the store rounds per line, else the line's rounded share for display
 * @param promotion      the promotion the line's discount comes from, or {@code null} (a hand discount or none)
 */
public record LineTotal(int lineNumber, Money gross, Money lineDiscount, Money basketDiscount, Money amount, Money tax,
                        Promotion.Applied promotion) {
}
