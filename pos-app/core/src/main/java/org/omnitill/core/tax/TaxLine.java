package org.omnitill.core.tax;

import java.math.BigDecimal;
import org.omnitill.core.money.Money;

/** The tax of one rate over a sale: what the receipt and the Z report show per rate. */
public record TaxLine(String code, BigDecimal percent, Money net, Money tax, Money gross) {
}
