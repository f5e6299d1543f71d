package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Prepares the catalog tables for the fast first import (see
 * docs/decisions/0012-fresh-catalog-load.md and {@code FreshCatalogLoad}):
 *
 * <ul>
 *   <li>{@code catalog_load}: one row while a first import runs, so that a till which opens after
 *       a crash knows to remove the half-written catalog;</li>
 *   <li>the constraints V1 and V4 left unnamed get names, so that the load can drop them while the
 *       tables are empty and add them back, built in one sorted pass, once the rows are in;</li>
 *   <li>indexes that only duplicated another go: {@code product_category_idx} and
 *       {@code product_barcode_product_idx} repeated the index H2 makes for the foreign key on the
 *       same column, and the foreign key from {@code product_word} to {@code product} kept an index
 *       on {@code product_id} next to {@code product_word_product_idx (product_id, word)}. Products
 *       are never deleted (they are deactivated), so its {@code ON DELETE CASCADE} never ran; the
 *       catalog repository keeps the words in step with the products.</li>
 *   <li>{@code stock_movement} ids are handed out in blocks of 1,000 instead of H2's 32: every 32
 *       movements (about six sales) H2 saved the sequence under a database-wide lock, and with
 *       {@code WRITE_DELAY=0} wrote the store for it, in the middle of completing a sale. A block
 *       lost at a crash only leaves a gap in these surrogate ids (H2 never hands a value out twice).
 *       The same was done for the hub's table in its V3.</li>
 * </ul>
 *
 * A Java migration because H2 generated the names of the unnamed constraints.
 */
public class V7__catalog_load extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE catalog_load (
                        id          INT                      NOT NULL PRIMARY KEY,
                        started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
                        CONSTRAINT catalog_load_single_row CHECK (id = 1)
                    )""");
            sql.execute("DROP INDEX product_category_idx");
            sql.execute("DROP INDEX product_barcode_product_idx");
            String wordFk = constraint(connection, "PRODUCT_WORD", "FOREIGN KEY", "PRODUCT_ID");
            sql.execute("ALTER TABLE product_word DROP CONSTRAINT " + quote(wordFk));
            rename(connection, sql, "PRODUCT_WORD", "PRIMARY KEY", "WORD,PRODUCT_ID", "product_word_pk");
            rename(connection, sql, "PRODUCT_BARCODE", "PRIMARY KEY", "BARCODE", "product_barcode_pk");
            rename(connection, sql, "PRODUCT_BARCODE", "FOREIGN KEY", "PRODUCT_ID", "product_barcode_product_fk");
            rename(connection, sql, "PRODUCT", "FOREIGN KEY", "TAX_CODE", "product_tax_fk");
            rename(connection, sql, "PRODUCT", "FOREIGN KEY", "CATEGORY_ID", "product_category_fk");
            sql.execute("ALTER TABLE stock_movement ALTER COLUMN id SET CACHE 1000");
        }
    }

    private static void rename(Connection connection, Statement sql, String table, String type, String columns,
                               String name) throws SQLException {
        String current = constraint(connection, table, type, columns);
        sql.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + quote(current) + " TO " + name);
    }

    /** The name of the one constraint of this type on exactly these columns (in order, comma-separated). */
    private static String constraint(Connection connection, String table, String type, String columns)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT tc.constraint_name,
                       LISTAGG(k.column_name, ',') WITHIN GROUP (ORDER BY k.ordinal_position)
                FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                WHERE tc.table_schema = 'PUBLIC' AND tc.table_name = ? AND tc.constraint_type = ?
                GROUP BY tc.constraint_name""")) {
            select.setString(1, table);
            select.setString(2, type);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2).equals(columns)) {
                        found.add(rows.getString(1));
                    }
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + " on " + table + " (" + columns + "), found " + found);
        }
        return found.get(0);
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
