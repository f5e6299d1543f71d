package org.omnitill.core.catalog;

import java.math.BigDecimal;
import java.util.List;

/** One valid row of a catalog file, ready to be stored. */
public record CatalogRow(String sku, String name, List<String> barcodes, BigDecimal price, String taxCode,
                         String category, Unit unit) {

    public CatalogRow {
        barcodes = List.copyOf(barcodes);
    }
}
