package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;

class JooqProductSearchTest {

    private TillStore store;
    private String name;

    @BeforeEach
    void catalog() {
        name = "search-" + UUID.randomUUID();
        store = TillStore.openInMemory(name, Currency.getInstance("EUR"));
        store.session().catalog().saveTaxRate(new TaxRate("RED", "IVA 10 %", new BigDecimal("10")));
        store.transactionVoid(s -> s.catalog().upsertAll(List.of(
                row("DM-00012", "La Huerta Cherry Tomatoes 250 g"),
                row("DM-00013", "La Huerta Strawberries 500 g"),
                row("DM-00100", "Horno San Martín Pan de Molde"),
                row("DM-00101", "Tomato Frito 400 g"))));
        store.session().catalog().upsert(row("DM-00200", "Cherry Cola 330 ml"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CatalogRow row(String sku, String name) {
        return new CatalogRow(sku, name, List.of(), new BigDecimal("1.00"), "RED", "Pantry", Unit.EACH);
    }

    private List<String> search(String query) {
        return store.session().search().search(query, 20).stream().map(ProductSearch.Hit::name).toList();
    }

    @Test
    void findsByTheStartOfAnyWordOfTheName() {
        assertThat(search("tom")).containsExactlyInAnyOrder("La Huerta Cherry Tomatoes 250 g", "Tomato Frito 400 g");
        assertThat(search("cher")).containsExactlyInAnyOrder("La Huerta Cherry Tomatoes 250 g", "Cherry Cola 330 ml");
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertThat(search("cher tom")).containsExactly("La Huerta Cherry Tomatoes 250 g");
        assertThat(search("huerta 500")).containsExactly("La Huerta Strawberries 500 g");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(search("MARTIN")).containsExactly("Horno San Martín Pan de Molde");
        assertThat(search("martín")).containsExactly("Horno San Martín Pan de Molde");
    }

    @Test
    void findsBySkuPrefix() {
        assertThat(search("DM-0010")).containsExactly("Horno San Martín Pan de Molde", "Tomato Frito 400 g");
    }

    @Test
    void aRenamedProductIsFoundByItsNewNameOnly() {
        store.session().catalog().upsert(row("DM-00200", "Lemon Soda 330 ml"));

        assertThat(search("cola")).isEmpty();
        assertThat(search("lemon")).containsExactly("Lemon Soda 330 ml");
    }

    @Test
    void theWordCountsFollowEveryUpsertAndRename() throws SQLException {
        store.transactionVoid(s -> s.catalog().upsertAll(List.of(
                row("DM-00012", "La Huerta Cherry Tomatoes 250 g"), // unchanged
                row("DM-00013", "La Huerta Red Strawberries"), // 500 g gone, red new
                row("DM-00300", "Red Cherry Jam"))));
        store.session().catalog().upsert(row("DM-00200", "Lemon Soda 330 ml"));

        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
             Statement sql = connection.createStatement()) {
            // the counts as the till opened plus the changes appended since
            Map<String, Long> counted = counts(sql, "SELECT word, SUM(n) FROM (SELECT word, products n FROM product_word_count"
                    + " UNION ALL SELECT word, change FROM product_word_count_change) GROUP BY word HAVING SUM(n) <> 0");
            assertThat(counted)
                    .isEqualTo(counts(sql, "SELECT word, COUNT(*) FROM product_word GROUP BY word"))
                    .containsEntry("cherry", 2L).containsEntry("red", 2L).containsEntry("huerta", 2L)
                    .doesNotContainKeys("cola", "500");
        }
    }

    private static Map<String, Long> counts(Statement sql, String query) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    @Test
    void theRarerWordLeadsButEveryWordMustMatchInEitherOrder() {
        List<CatalogRow> brand = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            brand.add(row("VV-" + i, "Vita Verde " + (i % 3 == 0 ? "Broccoli Florets " : "Rice Cakes ") + i));
        }
        brand.add(row("OT-1", "Other Broccoli"));
        store.transactionVoid(s -> s.catalog().upsertAll(brand));

        List<String> both = search("vita broc");
        assertThat(both).hasSize(20).allMatch(n -> n.startsWith("Vita Verde Broccoli Florets"));
        assertThat(search("broc vita")).containsExactlyElementsOf(both);
        assertThat(store.session().search().search("vit bro", 100)).hasSize(20);
        assertThat(search("vita nothing")).isEmpty();
        assertThat(search("rice broc")).isEmpty();
    }

    @Test
    void wildcardsInTheQueryAreTakenLiterally() {
        assertThat(search("%")).isEmpty();
        assertThat(search("_")).isEmpty();
        assertThat(search("t_m")).isEmpty();
    }

    @Test
    void browsesByCategory() {
        assertThat(store.session().search().categories()).containsExactly("Pantry");
        assertThat(store.session().search().inCategory("Pantry", 2)).extracting(ProductSearch.Hit::name)
                .containsExactly("Cherry Cola 330 ml", "Horno San Martín Pan de Molde");
        assertThat(store.session().search().inCategory("Nope", 10)).isEmpty();
    }

    @Test
    void noFavouritesBeforeTheFirstSale() {
        assertThat(store.session().search().favourites(12)).isEmpty();
    }

    @Test
    void respectsTheLimit() {
        assertThat(store.session().search().search("la", 1)).hasSize(1);
    }
}
