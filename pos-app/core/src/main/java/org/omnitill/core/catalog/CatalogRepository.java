package org.omnitill.core.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog as the local store keeps it. Lookups use indexes; the catalog is never loaded whole. */
public interface CatalogRepository {

    Optional<Product> findByBarcode(String barcode);

    List<TaxRate> taxRates();

    void saveTaxRate(TaxRate rate);

    /** Inserts the product or replaces the one with the same SKU, barcodes included. */
    void upsert(CatalogRow row);

    long productCount();
}
