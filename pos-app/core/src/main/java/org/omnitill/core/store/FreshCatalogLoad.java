package org.omnitill.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;
import org.omnitill.core.catalog.CatalogLoad;
import org.omnitill.core.catalog.CatalogRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CatalogLoad} on H2: while the catalog tables are still empty their secondary keys and
 * indexes are dropped, the rows go in by plain JDBC batches of {@code INSERT} on a connection of its
 * own (a commit every slice, product ids handed out here in file order), and then the keys and
 * indexes are added back, each built by H2 in one sorted pass.
 *
 * <p>Why: written row by row, a million products meant some 30 million index entries inserted in
 * no useful order into B-trees far larger than H2's page cache, each first copied into the undo
 * log of one huge transaction and then walked again to commit it (142-386 s, 2-6 GB file). Rows
 * alone, in key order, append at the right-hand edge of each table; a built index is sorted once
 * and written without an undo log. Nothing is merged, read back or deleted either: the catalog is
 * known to be empty.
 *
 * <p>Until {@link #finish} the {@code catalog_load} row marks the load unfinished. Undoing (on
 * {@link #close} without {@link #finish}, or at the next open after a crash, see
 * {@link #undoInterrupted}) truncates the three catalog tables, adds back whatever key is missing
 * and drops the mark: the load only starts on a catalog with no products at all, so everything in
 * those tables is the load's. While a load runs the catalog is incomplete and its lookups unindexed,
 * so it is meant for a till that is not selling (the CLI import holds the data directory lock).
 */
final class FreshCatalogLoad implements CatalogLoad {

    private static final Logger LOG = LoggerFactory.getLogger(FreshCatalogLoad.class);

    private static final String INSERT_PRODUCT = "INSERT INTO product (id, sku, name, price, tax_code, category_id, unit)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_WORD = "INSERT INTO product_word (id, word) VALUES (?, ?)";
    private static final String INSERT_BARCODE = "INSERT INTO product_barcode (barcode, product_id) VALUES (?, ?)";

    /**
     * The catalog's keys and indexes that the load drops and adds back (V1, V4, V7), in the order
     * they are added: table, name, definition. The foreign keys are added without checking the rows
     * again ({@code NOCHECK}): the load wrote them from checked rows and ids it handed out itself.
     */
    private static final List<String[]> KEYS = List.of(
            new String[] {"product", "product_sku_unique", "UNIQUE (sku)"},
            new String[] {"product", "product_tax_fk", "FOREIGN KEY (tax_code) REFERENCES tax_rate (code) NOCHECK"},
            new String[] {"product", "product_category_fk", "FOREIGN KEY (category_id) REFERENCES category (id) NOCHECK"},
            new String[] {"product_barcode", "product_barcode_pk", "PRIMARY KEY (barcode)"},
            new String[] {"product_barcode", "product_barcode_product_fk",
                    "FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE NOCHECK"});
    /**
     * The word index. The words' own key (product id * 256 + position, V12) stays: the load writes
     * them in its order, so they are appended.
     */
    private static final String WORD_INDEX = "product_word_word_idx";
    private static final String WORD_INDEX_DEFINITION = "ON product_word (word, id)";

    private final TillStore store;
    private final Connection connection;
    private final int slice;
    private final PreparedStatement products;
    private final PreparedStatement words;
    private final PreparedStatement barcodes;
    private final Map<String, Long> categories = new HashMap<>();
    private long nextId;
    private long written;
    private int pending;
    private boolean finished;
    private boolean closed;

    private FreshCatalogLoad(TillStore store, Connection connection, long firstId, int slice) throws SQLException {
        this.store = store;
        this.connection = connection;
        this.slice = slice;
        this.nextId = firstId;
        this.products = connection.prepareStatement(INSERT_PRODUCT);
        this.words = connection.prepareStatement(INSERT_WORD);
        this.barcodes = connection.prepareStatement(INSERT_BARCODE);
    }

    /**
     * Starts a load if the catalog has no products (active or not) and no other load is marked;
     * otherwise returns {@code null} and changes nothing. The mark is committed before this returns.
     */
    static FreshCatalogLoad startIfEmpty(TillStore store, DataSource dataSource, int slice) {
        Connection connection = null;
        long firstId;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // the marker row is the lock: a second load fails on its primary key
                try (ResultSet busy = sql.executeQuery("SELECT EXISTS (SELECT 1 FROM product)"
                        + " OR EXISTS (SELECT 1 FROM catalog_load)")) {
                    busy.next();
                    if (busy.getBoolean(1)) {
                        connection.rollback();
                        connection.close();
                        return null;
                    }
                }
                try (ResultSet base = sql.executeQuery("SELECT GREATEST(COALESCE(c.identity_base, 1),"
                        + " (SELECT COALESCE(MAX(id), 0) + 1 FROM product)) FROM information_schema.columns c"
                        + " WHERE c.table_schema = 'PUBLIC' AND c.table_name = 'PRODUCT' AND c.column_name = 'ID'")) {
                    base.next();
                    firstId = base.getLong(1);
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "INSERT INTO catalog_load (id, started_at) VALUES (1, ?)")) {
                mark.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                mark.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessException("could not start loading the catalog", e);
        }
        // from here on the mark is committed: a failure is undone now, or at the next open
        store.writeInBackground(true);
        try {
            try (Statement sql = connection.createStatement()) {
                sql.execute("DROP INDEX IF EXISTS " + WORD_INDEX);
                for (String[] key : KEYS.reversed()) {
                    sql.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT IF EXISTS " + key[1]);
                }
            }
            return new FreshCatalogLoad(store, connection, firstId, slice);
        } catch (SQLException e) {
            try {
                connection.rollback();
                undo(connection);
            } catch (SQLException undoFailed) {
                e.addSuppressed(undoFailed);
            } finally {
                closeQuietly(connection);
                store.writeInBackground(false);
            }
            throw new DataAccessException("could not start loading the catalog", e);
        }
    }

    @Override
    public void add(CatalogRow row) {
        if (finished || closed) {
            throw new IllegalStateException("the catalog load is over");
        }
        try {
            long id = nextId++;
            products.setLong(1, id);
            products.setString(2, row.sku());
            products.setString(3, row.name());
            products.setBigDecimal(4, row.price());
            products.setString(5, row.taxCode());
            if (row.category() == null) {
                products.setNull(6, Types.BIGINT);
            } else {
                products.setLong(6, categoryId(row.category()));
            }
            products.setString(7, row.unit().code());
            products.addBatch();
            List<String> names = ProductWordIndex.wordsOf(row.name());
            for (int position = 0; position < names.size(); position++) {
                words.setLong(1, ProductWordIndex.key(id, position));
                words.setString(2, names.get(position));
                words.addBatch();
            }
            for (String barcode : row.barcodes()) {
                barcodes.setString(1, barcode);
                barcodes.setLong(2, id);
                barcodes.addBatch();
            }
            written++;
            if (++pending == slice) {
                commitSlice();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not write product " + row.sku(), e);
        }
    }

    private long categoryId(String name) throws SQLException {
        Long known = categories.get(name);
        if (known != null) {
            return known;
        }
        long id;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM category WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet found = select.executeQuery()) {
                if (found.next()) {
                    id = found.getLong(1);
                } else {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO category (name) VALUES (?)", new String[] {"ID"})) {
                        insert.setString(1, name);
                        insert.executeUpdate();
                        try (ResultSet key = insert.getGeneratedKeys()) {
                            key.next();
                            id = key.getLong(1);
                        }
                    }
                }
            }
        }
        categories.put(name, id);
        return id;
    }

    private void commitSlice() throws SQLException {
        if (pending > 0) {
            products.executeBatch();
            words.executeBatch();
            barcodes.executeBatch();
            pending = 0;
        }
        connection.commit();
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void finish() {
        if (closed || finished) {
            throw new IllegalStateException("the catalog load is over");
        }
        try {
            commitSlice();
            connection.setAutoCommit(true);
            try (Statement sql = connection.createStatement()) {
                // the identity hands out ids after the ones given here
                sql.execute("ALTER TABLE product ALTER COLUMN id RESTART WITH " + nextId);
                restoreKeys(sql);
                ProductWordIndex.countAll(sql);
                sql.executeUpdate("DELETE FROM catalog_load");
            }
            finished = true;
        } catch (SQLException e) {
            DataAccessException failure = new DataAccessException("could not finish loading the catalog", e);
            try {
                close();
            } catch (RuntimeException undoFailed) {
                failure.addSuppressed(undoFailed);
            }
            throw failure;
        }
        release();
        store.syncToDisk();
    }

    @Override
    public void close() {
        if (finished || closed) {
            return;
        }
        closed = true;
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            undo(connection);
            LOG.info("catalog load undone after {} product(s)", written);
        } catch (SQLException e) {
            throw new DataAccessException("could not undo the unfinished catalog load; it is undone when the till opens next", e);
        } finally {
            release();
        }
    }

    private void release() {
        closeQuietly(connection);
        store.writeInBackground(false);
    }

    /** On open: removes what a load that never finished wrote, if the store marks one. */
    static void undoInterrupted(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean marked;
            try (Statement sql = connection.createStatement();
                 ResultSet mark = sql.executeQuery("SELECT started_at FROM catalog_load")) {
                marked = mark.next();
                if (marked) {
                    LOG.warn("a catalog import started at {} did not finish; removing the products it wrote",
                            mark.getObject(1, OffsetDateTime.class));
                }
            }
            if (marked) {
                undo(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not remove an interrupted catalog import", e);
        }
    }

    /** Empties the catalog tables, then drops the mark; each step commits, so it can be repeated. */
    private static void undo(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE TABLE product_word");
            sql.execute("TRUNCATE TABLE product_word_count");
            sql.execute("TRUNCATE TABLE product_word_count_change");
            sql.execute("TRUNCATE TABLE product_barcode");
            // nothing refers to the products any more; H2 refuses to truncate a referenced table otherwise
            sql.execute("ALTER TABLE product SET REFERENTIAL_INTEGRITY FALSE");
            try {
                sql.execute("TRUNCATE TABLE product");
            } finally {
                sql.execute("ALTER TABLE product SET REFERENTIAL_INTEGRITY TRUE");
            }
            restoreKeys(sql);
            sql.executeUpdate("DELETE FROM catalog_load");
        }
    }

    /** Adds back every key and index the load dropped (those that are missing). */
    private static void restoreKeys(Statement sql) throws SQLException {
        for (String[] key : KEYS) {
            sql.execute("ALTER TABLE " + key[0] + " ADD CONSTRAINT IF NOT EXISTS " + key[1] + " " + key[2]);
        }
        sql.execute("CREATE INDEX IF NOT EXISTS " + WORD_INDEX + " " + WORD_INDEX_DEFINITION);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the catalog load's connection failed", e);
        }
    }
}
