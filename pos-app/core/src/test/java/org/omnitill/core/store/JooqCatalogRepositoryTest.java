package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;

class JooqCatalogRepositoryTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private TillStore store;
    private CatalogRepository catalog;

    @BeforeEach
    void freshlyMigratedStore() {
        store = TillStore.openInMemory("catalog-" + UUID.randomUUID(), EUR);
        catalog = store.session().catalog();
        catalog.saveTaxRate(new TaxRate("STD", "VAT 21 %", new BigDecimal("21")));
        catalog.saveTaxRate(new TaxRate("RED", "VAT 10 %", new BigDecimal("10")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CatalogRow row(String sku, String name, String price, List<String> barcodes) {
        return new CatalogRow(sku, name, barcodes, new BigDecimal(price), "RED", "Pantry", Unit.EACH);
    }

    @Test
    void findsAProductByAnyOfItsBarcodes() {
        catalog.upsert(row("DM-1", "Olive Oil 1 L", "7.95", List.of("8410000000009", "4006381333931")));

        Product product = catalog.findByBarcode("4006381333931").orElseThrow();

        assertThat(product.sku()).isEqualTo("DM-1");
        assertThat(product.price()).isEqualTo(Money.of("7.95", "EUR"));
        assertThat(product.category()).isEqualTo("Pantry");
        assertThat(product.barcodes()).containsExactly("4006381333931", "8410000000009");
        assertThat(catalog.findByBarcode("8410000000009")).map(Product::id).contains(product.id());
    }

    @Test
    void anUnknownBarcodeFindsNothing() {
        assertThat(catalog.findByBarcode("4006381333931")).isEmpty();
    }

    @Test
    void upsertBySkuReplacesNamePriceAndBarcodes() {
        catalog.upsert(row("DM-1", "Olive Oil 1 L", "7.95", List.of("8410000000009")));
        catalog.upsert(row("DM-1", "Olive Oil Extra 1 L", "8.25", List.of("4006381333931")));

        assertThat(catalog.productCount()).isEqualTo(1);
        assertThat(catalog.findByBarcode("8410000000009")).isEmpty();
        Product product = catalog.findByBarcode("4006381333931").orElseThrow();
        assertThat(product.name()).isEqualTo("Olive Oil Extra 1 L");
        assertThat(product.price()).isEqualTo(Money.of("8.25", "EUR"));
    }

    @Test
    void aBarcodeMovesToTheProductThatClaimsItLast() {
        catalog.upsert(row("DM-1", "Old", "1.00", List.of("4006381333931")));
        catalog.upsert(row("DM-2", "New", "2.00", List.of("4006381333931")));

        assertThat(catalog.findByBarcode("4006381333931")).map(Product::sku).contains("DM-2");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> store.transactionVoid(session -> {
            session.catalog().upsert(row("DM-1", "Fine", "1.00", List.of("4006381333931")));
            session.catalog().upsert(new CatalogRow("DM-2", "Unknown tax", List.of(), BigDecimal.ONE, "NOPE", null, Unit.EACH));
        })).isInstanceOf(RuntimeException.class);

        assertThat(catalog.productCount()).isZero();
    }

    @Test
    void taxRatesAreStoredByCode() {
        catalog.saveTaxRate(new TaxRate("STD", "VAT 21 % (standard)", new BigDecimal("21")));

        assertThat(catalog.taxRates()).extracting(TaxRate::code).containsExactly("RED", "STD");
        assertThat(catalog.taxRates().get(1).name()).isEqualTo("VAT 21 % (standard)");
    }
}
