package org.omnitill.core.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog as the local store keeps it. Lookups use indexes; the catalog is never loaded whole. */
public interface CatalogRepository {

    Optional<Product> findByBarcode(String barcode);

    /** An active product by its SKU (in-store label codes name products this way). */
    Optional<Product> findBySku(String sku);

    List<TaxRate> taxRates();

    void saveTaxRate(TaxRate rate);

    /** Inserts the product or replaces the one with the same SKU, barcodes included. */
    void upsert(CatalogRow row);

    /**
     * {@link #upsert}s many rows with a few batched statements: the catalog import writes a large
     * file through this in slices. Same result as upserting them one by one in order: a product is
     * matched by SKU and its barcodes replaced, a barcode another product had moves to the row that
     * lists it, categories are created as needed, and of two rows with the same SKU the later wins.
     */
    void upsertAll(List<CatalogRow> rows);

    long productCount();

    /** True if the catalog has no products at all, active or not (nothing was ever imported). */
    boolean isEmpty();
}
