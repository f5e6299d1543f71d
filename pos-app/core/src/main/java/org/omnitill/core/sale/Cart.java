package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;

/**
 * The sale being rung up: pure domain, no I/O. Scanning the same piece-goods product again adds to
 * its line; weighed goods always get a line of their own. Discounts, tax and tender arrive with
 * the sale issue.
 */
public final class Cart {

    private final Currency currency;
    private final List<CartLine> lines = new ArrayList<>();

    public Cart(Currency currency) {
        this.currency = currency;
    }

    /**
     * Adds {@code quantity} of {@code product}: whole pieces for piece goods, kilograms for weighed
     * goods. Returns the index of the line that changed.
     */
    public int add(Product product, BigDecimal quantity) {
        if (!product.price().currency().equals(currency)) {
            throw new IllegalArgumentException("product " + product.sku() + " is priced in another currency");
        }
        if (product.unit() == Unit.EACH) {
            if (quantity.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(product.name() + " is sold by the piece; the quantity must be whole");
            }
            for (int i = 0; i < lines.size(); i++) {
                CartLine line = lines.get(i);
                if (line.product().id() == product.id()) {
                    lines.set(i, line.plus(quantity));
                    return i;
                }
            }
        }
        lines.add(new CartLine(product, quantity));
        return lines.size() - 1;
    }

    public List<CartLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The number of pieces, with each weighed line counted once. */
    public int itemCount() {
        int count = 0;
        for (CartLine line : lines) {
            count += line.product().unit() == Unit.EACH ? line.quantity().intValueExact() : 1;
        }
        return count;
    }

    public Money total() {
        Money total = Money.zero(currency);
        for (CartLine line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

    public void clear() {
        lines.clear();
    }
}
