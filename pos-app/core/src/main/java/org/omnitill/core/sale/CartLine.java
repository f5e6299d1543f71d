package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.util.Objects;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.money.Money;

/** One line of a cart: a product and how many (or how much, for weighed goods). */
public record CartLine(Product product, BigDecimal quantity) {

    public CartLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    public Money amount() {
        return product.price().times(quantity);
    }

    CartLine plus(BigDecimal more) {
        return new CartLine(product, quantity.add(more));
    }
}
