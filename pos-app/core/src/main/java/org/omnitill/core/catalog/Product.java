package org.omnitill.core.catalog;

import java.util.List;
import java.util.Objects;
import org.omnitill.core.money.Money;

/** A product as the till sells it. */
public record Product(long id, String sku, String name, Money price, String taxCode, String category,
                      Unit unit, List<String> barcodes) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(unit, "unit");
        barcodes = List.copyOf(barcodes);
    }
}
