package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Copies the search words V12 set aside ({@code product_word_v4}: word, product id) into the new
 * {@code product_word} (product id * 256 + position, word) and drops the old table.
 *
 * <p>It reads the old words in product order through their {@code (product_id, word)} index and
 * writes them in batches, so a catalog of a million products is copied in one pass without holding
 * it in memory; the new table's rows are appended in key order and its word index is built after,
 * then {@code product_word_count} is counted from it. A first import that never finished (a
 * {@code catalog_load} row) left the old table without its indexes, and its words are removed when
 * the till opens anyway: nothing is copied then.
 * A Java migration because the build's jOOQ code generation runs the SQL migrations only, and
 * {@code catalog_load} is made by one in Java (V7).
 */
public class V13__copy_product_words extends BaseJavaMigration {

    private static final int POSITIONS = 256;
    private static final int BATCH = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        // H2 commits each DDL statement at once: if the till is killed halfway (the copy takes 45 s
        // for a million products), V13 runs again from the start, so every step may be repeated
        if (!exists(connection, "PRODUCT_WORD_V4")) {
            return;
        }
        boolean unfinishedLoad;
        try (Statement sql = connection.createStatement();
             ResultSet mark = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM catalog_load)")) {
            mark.next();
            unfinishedLoad = mark.getBoolean(1);
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE TABLE product_word");
            sql.execute("TRUNCATE TABLE product_word_count");
            if (!unfinishedLoad) {
                // built in one sorted pass after the copy, not entry by entry in no useful order
                sql.execute("DROP INDEX IF EXISTS product_word_word_idx");
                copy(connection);
            }
            sql.execute("CREATE INDEX IF NOT EXISTS product_word_word_idx ON product_word (word, id)");
            if (!unfinishedLoad) {
                sql.execute("INSERT INTO product_word_count (word, products) SELECT word, COUNT(*) FROM product_word GROUP BY word");
            }
            sql.execute("DROP TABLE product_word_v4");
        }
    }

    private static boolean exists(Connection connection, String table) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name = ?)")) {
            select.setString(1, table);
            try (ResultSet found = select.executeQuery()) {
                found.next();
                return found.getBoolean(1);
            }
        }
    }

    private static void copy(Connection connection) throws Exception {
        try (Statement read = connection.createStatement();
             ResultSet old = read.executeQuery("SELECT product_id, word FROM product_word_v4 ORDER BY product_id, word");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO product_word (id, word) VALUES (?, ?)")) {
            long product = Long.MIN_VALUE;
            int position = 0;
            int pending = 0;
            while (old.next()) {
                long id = old.getLong(1);
                position = id == product ? position + 1 : 0;
                product = id;
                if (position >= POSITIONS) {
                    continue;
                }
                insert.setLong(1, id * POSITIONS + position);
                insert.setString(2, old.getString(2));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
