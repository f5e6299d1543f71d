package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.omnitill.core.catalog.ProductWords;

/** Indexes the words of products that existed before product search (V4), with the same rule as new ones. */
public class V5__index_existing_product_words extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
             ResultSet products = select.executeQuery("SELECT id, name FROM product");
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "MERGE INTO product_word (word, product_id) KEY (word, product_id) VALUES (?, ?)")) {
            int batched = 0;
            while (products.next()) {
                for (String word : ProductWords.of(products.getString(2))) {
                    insert.setString(1, word);
                    insert.setLong(2, products.getLong(1));
                    insert.addBatch();
                    if (++batched % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
