package org.omnitill.core.sale;

import java.util.List;
import org.omnitill.core.money.Money;
import org.omnitill.core.tax.TaxLine;

/**
 * What a sale comes to.
 *
 * @param subtotal  sum of line gross amounts
 * @param discounts sum of line and basket discounts
 * @param taxTotal  tax over all rates
 * @param total     what the customer owes before any cash rounding
 */
public record SaleTotals(List<LineTotal> lines, List<TaxLine> taxes, Money subtotal, Money discounts, Money taxTotal,
                         Money total) {

    public SaleTotals {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }
}
