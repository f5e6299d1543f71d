package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.omnitill.core.money.Money;

/**
 * One line of a sale. A return line has a negative quantity and, when returned against a receipt,
 * names the original line.
 *
 * @param number     position on the ticket, from 1
 * @param unitPrice  the price charged per unit (the list price unless overridden)
 * @param listPrice  the catalog price when the line was added
 * @param discount   the line discount, if any
 * @param returnOf   the original sale and line this line returns, if any
 */
public record SaleLine(int number, ProductRef product, BigDecimal quantity, Money unitPrice, Money listPrice,
                       Discount discount, ReturnRef returnOf) {


    public SaleLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(listPrice, "listPrice");
        if (quantity.signum() == 0) {
            throw new SaleException(SaleException.Code.BAD_QUANTITY, "a line needs a quantity other than zero");
        }
    }

    public boolean isReturn() {
        return quantity.signum() < 0;
    }

    public boolean isPriceOverridden() {
        return unitPrice.compareTo(listPrice) != 0;
    }

    public Optional<Discount> lineDiscount() {
        return Optional.ofNullable(discount);
    }

    SaleLine withQuantity(BigDecimal value) {
        return new SaleLine(number, product, value, unitPrice, listPrice, discount, returnOf);
    }

    SaleLine withUnitPrice(Money value) {
        return new SaleLine(number, product, quantity, value, listPrice, discount, returnOf);
    }

    SaleLine withDiscount(Discount value) {
        return new SaleLine(number, product, quantity, unitPrice, listPrice, value, returnOf);
    }

    SaleLine renumbered(int value) {
        return new SaleLine(value, product, quantity, unitPrice, listPrice, discount, returnOf);
    }

    /**
     * The sale and line a return line refers to, and the exact amount refunded for it (the share of
     * what the customer paid for that line, after its discounts).
     */
    public record ReturnRef(String saleId, String receiptNumber, int lineNumber, Money refund) {
    }
}
