package org.omnitill.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnitill.core.catalog.ProductWords;

/**
 * Keeps {@code product_word} in step with product names; called wherever a product is written.
 *
 * <p>A word's row is keyed by {@code product id * 256 + its position} among the product's words
 * (V12, ADR 0021), so a product's words are one range of the table's own key. How many products
 * have each word is {@code product_word_count} plus the changes appended to
 * {@code product_word_count_change} since the till opened (V15), for search to pick its rarest word.
 */
final class ProductWordIndex {

    /** Positions per product; a name of at most 200 characters has at most 100 distinct words. */
    static final int POSITIONS = 256;

    /** Deletes a product's words and returns them, for their counts. */
    private static final String DELETE = "SELECT word FROM OLD TABLE (DELETE FROM product_word WHERE id BETWEEN ? AND ?)";
    private static final String INSERT = "INSERT INTO product_word (id, word) VALUES (?, ?)";
    private static final String APPEND_CHANGE = "INSERT INTO product_word_count_change (word, change) VALUES (?, ?)";

    private ProductWordIndex() {
    }

    /** The key of the product's word at this position. */
    static long key(long productId, int position) {
        if (position < 0 || position >= POSITIONS) {
            throw new IllegalArgumentException("word position " + position + " is outside 0.." + (POSITIONS - 1));
        }
        return productId * POSITIONS + position;
    }

    /** The words to index for a name: its distinct words, at most {@link #POSITIONS} of them. */
    static List<String> wordsOf(String name) {
        List<String> words = ProductWords.of(name);
        return words.size() > POSITIONS ? words.subList(0, POSITIONS) : words;
    }

    /** Replaces the indexed words of each product (id to name). */
    static void replace(Connection connection, Map<Long, String> namesById) throws SQLException {
        replace(connection, namesById, Set.of());
    }

    /**
     * Replaces the indexed words of each product (id to name); products in
     * {@code created} were inserted just now and have no words to delete. Appends the change in
     * each word's count.
     */
    static void replace(Connection connection, Map<Long, String> namesById, Set<Long> created) throws SQLException {
        if (namesById.isEmpty()) {
            return;
        }
        Map<String, Long> change = new HashMap<>();
        try (PreparedStatement delete = connection.prepareStatement(DELETE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Long, String> product : namesById.entrySet()) {
                long id = product.getKey();
                if (!created.contains(id)) {
                    delete.setLong(1, key(id, 0));
                    delete.setLong(2, key(id, POSITIONS - 1));
                    try (ResultSet deleted = delete.executeQuery()) {
                        while (deleted.next()) {
                            change.merge(deleted.getString(1), -1L, Long::sum);
                        }
                    }
                }
                List<String> words = wordsOf(product.getValue());
                for (int position = 0; position < words.size(); position++) {
                    insert.setLong(1, key(id, position));
                    insert.setString(2, words.get(position));
                    insert.addBatch();
                    change.merge(words.get(position), 1L, Long::sum);
                }
            }
            insert.executeBatch();
        }
        count(connection, change);
    }

    /**
     * Appends each word's change to {@code product_word_count_change} (V15): inserts only, so two
     * catalog writes that share a word never wait for each other. Folded in by {@link #foldCounts}.
     */
    private static void count(Connection connection, Map<String, Long> change) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND_CHANGE)) {
            int changes = 0;
            for (Map.Entry<String, Long> word : change.entrySet()) {
                if (word.getValue() == 0) {
                    continue; // a product renamed with the same word
                }
                append.setString(1, word.getKey());
                append.setLong(2, word.getValue());
                append.addBatch();
                changes++;
            }
            if (changes > 0) {
                append.executeBatch();
            }
        }
    }

    /**
     * Adds the appended changes to {@code product_word_count} and empties the change table, in the
     * caller's transaction; a count that falls to 0 goes. Run when the till opens, while nothing
     * else writes the catalog.
     */
    static void foldCounts(Statement sql) throws SQLException {
        try (ResultSet any = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM product_word_count_change)")) {
            any.next();
            if (!any.getBoolean(1)) {
                return; // nothing to fold: most opens
            }
        }
        sql.execute("""
                MERGE INTO product_word_count c
                USING (SELECT word, SUM(change) AS change FROM product_word_count_change GROUP BY word) d
                ON c.word = d.word
                WHEN MATCHED THEN UPDATE SET products = c.products + d.change
                WHEN NOT MATCHED THEN INSERT (word, products) VALUES (d.word, d.change)""");
        sql.execute("DELETE FROM product_word_count WHERE products <= 0"
                + " AND word IN (SELECT word FROM product_word_count_change)");
        sql.execute("DELETE FROM product_word_count_change");
    }

    /** Counts {@code product_word_count} anew from {@code product_word} (after a first import). */
    static void countAll(Statement sql) throws SQLException {
        sql.execute("DELETE FROM product_word_count_change");
        sql.execute("DELETE FROM product_word_count");
        sql.execute("INSERT INTO product_word_count (word, products) SELECT word, COUNT(*) FROM product_word GROUP BY word");
    }
}
