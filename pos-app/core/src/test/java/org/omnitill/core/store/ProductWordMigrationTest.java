package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.ProductSearch;

/** V12 re-keys the search words of a till that already has a catalog, and search keeps working. */
class ProductWordMigrationTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("till").toAbsolutePath();
    }

    /** Migrates the store up to {@code version} only, then runs the statements on it. */
    private void migrateTo(String version, String... statements) throws SQLException {
        Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").target(version).load().migrate();
        try (Connection connection = DriverManager.getConnection(url(), "sa", "");
             Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    @Test
    void wordsWrittenBeforeV12AreKeyedByProductAndPosition() throws SQLException {
        // the shape V4 made: one row per (word, product), in no particular order
        migrateTo("11", "INSERT INTO tax_rate (code, name, rate_percent) VALUES ('STD', 'VAT', 21)",
                "INSERT INTO product (id, sku, name, price, tax_code, unit) VALUES"
                        + " (7, 'A-7', 'Cherry Tomatoes Red', 1.00, 'STD', 'each'),"
                        + " (9, 'A-9', 'Red Apples', 2.00, 'STD', 'each')",
                "INSERT INTO product_word (word, product_id) VALUES"
                        + " ('tomatoes', 7), ('cherry', 7), ('red', 7), ('red', 9), ('apples', 9)");

        try (TillStore store = TillStore.openFile(dir, Currency.getInstance("EUR"))) {
            try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
                assertThat(words(connection)).containsExactly(
                        "1792 cherry", "1793 red", "1794 tomatoes", "2304 apples", "2305 red");
                try (Statement sql = connection.createStatement();
                     ResultSet counts = sql.executeQuery("SELECT word || '=' || products FROM product_word_count ORDER BY word")) {
                    List<String> counted = new ArrayList<>();
                    while (counts.next()) {
                        counted.add(counts.getString(1));
                    }
                    assertThat(counted).containsExactly("apples=1", "cherry=1", "red=2", "tomatoes=1");
                }
            }
            ProductSearch search = store.session().search();
            assertThat(search.search("red", 20)).extracting(ProductSearch.Hit::sku).containsExactly("A-7", "A-9");
            assertThat(search.search("red tom", 20)).extracting(ProductSearch.Hit::sku).containsExactly("A-7");
            assertThat(search.search("appl red", 20)).extracting(ProductSearch.Hit::sku).containsExactly("A-9");
            assertThat(search.search("cherry apples", 20)).isEmpty();
        }
    }

    @Test
    void aCopyCutOffHalfwayIsDoneAgainFromTheStart() throws SQLException {
        migrateTo("11", "INSERT INTO tax_rate (code, name, rate_percent) VALUES ('STD', 'VAT', 21)",
                "INSERT INTO product (id, sku, name, price, tax_code, unit) VALUES (7, 'A-7', 'Red Apples', 1.00, 'STD', 'each')",
                "INSERT INTO product_word (word, product_id) VALUES ('apples', 7), ('red', 7)");
        // what a V13 killed in the middle of its copy leaves: its DDL is committed, part of the rows too
        migrateTo("12", "DROP INDEX product_word_word_idx",
                "INSERT INTO product_word (id, word) VALUES (1792, 'apples')",
                "INSERT INTO product_word_count (word, products) VALUES ('apples', 1)");

        try (TillStore store = TillStore.openFile(dir, Currency.getInstance("EUR"))) {
            try (Connection connection = DriverManager.getConnection(url(), "sa", "")) {
                assertThat(words(connection)).containsExactly("1792 apples", "1793 red");
            }
            assertThat(store.session().search().search("red app", 20)).extracting(ProductSearch.Hit::sku).containsExactly("A-7");
        }
    }

    private static List<String> words(Connection connection) throws SQLException {
        List<String> words = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, word FROM product_word ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                words.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        return words;
    }
}
