package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.CatalogLoad;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;

class FreshCatalogLoadTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;

    private TillStore open(Path data) {
        TillStore store = TillStore.openFile(data, EUR);
        store.session().catalog().saveTaxRate(new TaxRate("STD", "VAT 21 %", new BigDecimal("21")));
        store.session().catalog().saveTaxRate(new TaxRate("RED", "VAT 10 %", new BigDecimal("10")));
        return store;
    }

    private Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("till").toAbsolutePath(), "sa", "");
    }

    private static CatalogRow row(int i) {
        String name = switch (i % 3) {
            case 0 -> "Cherry Tomatoes " + i;
            case 1 -> "Olive Oil Extra Virgin " + i;
            default -> "Free Range Eggs " + i;
        };
        return new CatalogRow("SKU-" + i, name, List.of(ean13(i)), new BigDecimal("1.50"), i % 2 == 0 ? "STD" : "RED",
                i % 4 == 0 ? null : "Cat " + i % 4, Unit.EACH);
    }

    private static String ean13(int n) {
        String body = String.format("20%010d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** Constraints by name, type and columns; indexes by columns and type (H2 names some itself). */
    private static Set<String> catalogKeys(Connection connection) throws SQLException {
        Set<String> keys = new TreeSet<>();
        try (Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT tc.table_name, tc.constraint_name, tc.constraint_type,
                           LISTAGG(k.column_name, ',') WITHIN GROUP (ORDER BY k.ordinal_position)
                    FROM information_schema.table_constraints tc
                    LEFT JOIN information_schema.key_column_usage k
                      ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                    WHERE tc.table_schema = 'PUBLIC' AND tc.table_name IN ('PRODUCT', 'PRODUCT_BARCODE', 'PRODUCT_WORD')
                    GROUP BY tc.table_name, tc.constraint_name, tc.constraint_type""")) {
                while (rows.next()) {
                    keys.add("constraint " + rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " ("
                            + rows.getString(4) + ")");
                }
            }
            try (ResultSet rows = sql.executeQuery("""
                    SELECT i.table_name, i.index_type_name,
                           LISTAGG(c.column_name, ',') WITHIN GROUP (ORDER BY c.ordinal_position)
                    FROM information_schema.indexes i
                    JOIN information_schema.index_columns c
                      ON c.index_schema = i.index_schema AND c.index_name = i.index_name
                    WHERE i.table_schema = 'PUBLIC' AND i.table_name IN ('PRODUCT', 'PRODUCT_BARCODE', 'PRODUCT_WORD')
                    GROUP BY i.table_name, i.index_name, i.index_type_name""")) {
                while (rows.next()) {
                    keys.add("index " + rows.getString(1) + " " + rows.getString(2) + " (" + rows.getString(3) + ")");
                }
            }
        }
        return keys;
    }

    private Set<String> migratedKeys() throws SQLException {
        Path fresh = dir.resolve("migrated");
        open(fresh).close();
        try (Connection connection = connect(fresh)) {
            return catalogKeys(connection);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theMigratedCatalogHasNoDuplicateIndexesAndNamedKeys() throws SQLException {
        assertThat(migratedKeys()).contains(
                        "constraint PRODUCT_WORD PRODUCT_WORD_KEY PRIMARY KEY (ID)",
                        "constraint PRODUCT_BARCODE PRODUCT_BARCODE_PRODUCT_FK FOREIGN KEY (PRODUCT_ID)",
                        "constraint PRODUCT PRODUCT_TAX_FK FOREIGN KEY (TAX_CODE)",
                        "index PRODUCT_WORD INDEX (WORD,ID)")
                .doesNotContain("index PRODUCT_WORD INDEX (PRODUCT_ID)", "index PRODUCT_WORD INDEX (PRODUCT_ID,WORD)")
                .filteredOn(key -> key.equals("index PRODUCT INDEX (CATEGORY_ID)")).hasSize(1);
    }

    @Test
    void aLoadWritesEverySliceAndLeavesTheSchemaAsMigrated() throws SQLException {
        Path data = dir.resolve("till");
        try (TillStore store = open(data)) {
            try (CatalogLoad load = store.freshCatalogLoad(7).orElseThrow()) {
                for (int i = 1; i <= 50; i++) {
                    load.add(row(i));
                }
                assertThat(load.written()).isEqualTo(50);
                load.finish();
            }
            CatalogRepository catalog = store.session().catalog();
            assertThat(catalog.productCount()).isEqualTo(50);
            assertThat(catalog.findByBarcode(ean13(50)).orElseThrow().sku()).isEqualTo("SKU-50");
            assertThat(catalog.findBySku("SKU-7").orElseThrow().category()).isEqualTo("Cat 3");
            assertThat(catalog.findBySku("SKU-8").orElseThrow().category()).isNull();
            assertThat(store.session().search().search("cher tom 3", 20)).extracting(ProductSearch.Hit::sku)
                    .contains("SKU-3", "SKU-30", "SKU-33").doesNotContain("SKU-31");
            // the identity goes on after the ids the load handed out, and upserts work as before
            catalog.upsert(new CatalogRow("NEW-1", "Rice 1 kg", List.of("8410000000009"), BigDecimal.ONE, "RED", "Cat 1",
                    Unit.EACH));
            catalog.upsert(new CatalogRow("SKU-1", "Olive Oil Light 1", List.of(ean13(1)), BigDecimal.TEN, "STD", null,
                    Unit.EACH));
            assertThat(catalog.findBySku("NEW-1").orElseThrow().id()).isGreaterThan(catalog.findBySku("SKU-50").orElseThrow().id());
            assertThat(store.session().search().search("light", 20)).extracting(ProductSearch.Hit::sku).containsExactly("SKU-1");
            assertThat(store.session().search().search("virgin 1", 20)).extracting(ProductSearch.Hit::sku)
                    .doesNotContain("SKU-1");
            assertThat(store.freshCatalogLoad(7)).as("the catalog is no longer empty").isEmpty();
        }
        try (Connection connection = connect(data)) {
            assertThat(count(connection, "catalog_load")).isZero();
            assertThat(catalogKeys(connection)).isEqualTo(migratedKeys());
            // counted by the load; the two upserts (one new product, one renamed) appended their changes
            assertThat(rows(connection, "SELECT word || '=' || SUM(n) FROM (SELECT word, products n FROM product_word_count"
                    + " UNION ALL SELECT word, change FROM product_word_count_change) GROUP BY word HAVING SUM(n) <> 0"))
                    .isEqualTo(rows(connection, "SELECT word || '=' || COUNT(*) FROM product_word GROUP BY word"))
                    .contains("cherry=16", "olive=17", "virgin=16", "light=1", "rice=1");
            assertThat(count(connection, "product_word_count_change")).isPositive();
        }
        open(data).close(); // opening folds the changes into the counts
        try (Connection connection = connect(data)) {
            assertThat(count(connection, "product_word_count_change")).isZero();
            assertThat(rows(connection, "SELECT word || '=' || products FROM product_word_count"))
                    .isEqualTo(rows(connection, "SELECT word || '=' || COUNT(*) FROM product_word GROUP BY word"));
        }
    }

    private static Set<String> rows(Connection connection, String query) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Statement sql = connection.createStatement(); ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    @Test
    void keysStillHoldAfterALoad() {
        try (TillStore store = open(dir.resolve("till"))) {
            try (CatalogLoad load = store.freshCatalogLoad(100).orElseThrow()) {
                load.add(row(1));
                load.finish();
            }
            CatalogRepository catalog = store.session().catalog();
            assertThatThrownBy(() -> catalog.upsert(new CatalogRow("SKU-3", "Tea", List.of(), BigDecimal.ONE, "NOPE", null,
                    Unit.EACH))).as("tax code foreign key").isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> store.session().catalog().upsertAll(List.of(
                    new CatalogRow("SKU-3", "Tea", List.of(), BigDecimal.ONE, "STD", null, Unit.EACH),
                    new CatalogRow("SKU-4", "Tea", List.of(), new BigDecimal("-1"), "STD", null, Unit.EACH))))
                    .as("price check").isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aLoadClosedBeforeItFinishedLeavesAnEmptyCatalog() throws SQLException {
        Path data = dir.resolve("till");
        try (TillStore store = open(data)) {
            try (CatalogLoad load = store.freshCatalogLoad(10).orElseThrow()) {
                for (int i = 1; i <= 35; i++) {
                    load.add(row(i));
                }
            }
            assertThat(store.session().catalog().isEmpty()).isTrue();
            assertThat(store.session().catalog().findByBarcode(ean13(1))).isEmpty();
        }
        try (Connection connection = connect(data)) {
            assertThat(count(connection, "product_word")).isZero();
            assertThat(count(connection, "product_barcode")).isZero();
            assertThat(count(connection, "catalog_load")).isZero();
            assertThat(catalogKeys(connection)).isEqualTo(migratedKeys());
        }
    }

    @Test
    void aLoadInterruptedByACrashIsRemovedWhenTheTillOpensAgain() throws SQLException {
        Path data = dir.resolve("till");
        TillStore crashed = open(data);
        CatalogLoad load = crashed.freshCatalogLoad(10).orElseThrow();
        for (int i = 1; i <= 35; i++) {
            load.add(row(i)); // three slices committed, five rows pending
        }
        try (Connection side = connect(data)) {
            assertThat(count(side, "product")).as("committed slices").isEqualTo(30);
            try (Statement sql = side.createStatement()) {
                sql.execute("SHUTDOWN IMMEDIATELY"); // the files are closed as they are, as by a crash
            }
        } catch (SQLException expected) {
            // the connection goes with the database
        }

        try (TillStore reopened = open(data)) {
            CatalogRepository catalog = reopened.session().catalog();
            assertThat(catalog.isEmpty()).isTrue();
            assertThat(catalog.findByBarcode(ean13(1))).isEmpty();
            assertThat(reopened.session().search().search("cherry", 20)).isEmpty();
            // and a new first import can run
            try (CatalogLoad again = reopened.freshCatalogLoad(10).orElseThrow()) {
                again.add(row(1));
                again.finish();
            }
            assertThat(catalog.productCount()).isEqualTo(1);
        }
        try (Connection connection = connect(data)) {
            assertThat(count(connection, "catalog_load")).isZero();
            assertThat(catalogKeys(connection)).isEqualTo(migratedKeys());
            // only the one product of the second load is counted, nothing of the crashed one
            assertThat(rows(connection, "SELECT word || '=' || products FROM product_word_count"))
                    .containsExactly("1=1", "extra=1", "oil=1", "olive=1", "virgin=1");
        }
    }


    @Test
    void aCatalogWithProductsIsNotLoadedFresh() {
        try (TillStore store = open(dir.resolve("till"))) {
            store.session().catalog().upsert(row(1));

            assertThat(store.freshCatalogLoad(10)).isEmpty();
            assertThat(store.session().catalog().productCount()).isEqualTo(1);
        }
    }

    @Test
    void rowsThatBreakAKeyUndoTheWholeLoad() {
        try (TillStore store = open(dir.resolve("till"))) {
            CatalogLoad load = store.freshCatalogLoad(10).orElseThrow();
            load.add(row(1));
            load.add(new CatalogRow("SKU-2", "Same barcode", List.of(ean13(1)), BigDecimal.ONE, "STD", null, Unit.EACH));

            assertThatThrownBy(load::finish).isInstanceOf(RuntimeException.class);
            load.close();
            assertThat(store.session().catalog().isEmpty()).isTrue();
            assertThat(store.freshCatalogLoad(10)).as("a new load can start").hasValueSatisfying(CatalogLoad::close);
        }
    }
}
