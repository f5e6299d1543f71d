package org.omnitill.core.sale;

import java.util.Objects;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;

/** What a sale line keeps of a product: enough to print, report and return it if the catalog changes. */
public record ProductRef(long productId, String sku, String name, String taxCode, Unit unit) {

    public ProductRef {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(taxCode, "taxCode");
        Objects.requireNonNull(unit, "unit");
    }

    public static ProductRef of(Product product) {
        return new ProductRef(product.id(), product.sku(), product.name(), product.taxCode(), product.unit());
    }
}
