package org.omnitill.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.omnitill.core.catalog.ProductWords;

/** Keeps {@code product_word} in step with product names; called wherever a product is written. */
final class ProductWordIndex {

    private static final String DELETE = "DELETE FROM product_word WHERE product_id = ?";
    private static final String INSERT = "INSERT INTO product_word (word, product_id) VALUES (?, ?)";

    private ProductWordIndex() {
    }

    /** Replaces the indexed words of each product (id to name) in two batches. */
    static void replace(Connection connection, Map<Long, String> namesById) throws SQLException {
        replace(connection, namesById, java.util.Set.of());
    }

    /**
     * Replaces the indexed words of each product (id to name) in two batches; products in
     * {@code created} were inserted just now and have no words to delete.
     */
    static void replace(Connection connection, Map<Long, String> namesById, java.util.Set<Long> created) throws SQLException {
        if (namesById.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int deletes = 0;
            for (Map.Entry<Long, String> product : namesById.entrySet()) {
                if (!created.contains(product.getKey())) {
                    delete.setLong(1, product.getKey());
                    delete.addBatch();
                    deletes++;
                }
                for (String word : ProductWords.of(product.getValue())) {
                    insert.setString(1, word);
                    insert.setLong(2, product.getKey());
                    insert.addBatch();
                }
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
            insert.executeBatch();
        }
    }
}
