package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.CATEGORY;
import static org.omnitill.core.store.jooq.Tables.PRODUCT;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_BARCODE;
import static org.omnitill.core.store.jooq.Tables.TAX_RATE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;

final class JooqCatalogRepository implements CatalogRepository {

    private final DSLContext dsl;
    private final Currency currency;

    JooqCatalogRepository(DSLContext dsl, Currency currency) {
        this.dsl = dsl;
        this.currency = currency;
    }

    @Override
    public Optional<Product> findByBarcode(String barcode) {
        return findOne(dsl.select(PRODUCT_BARCODE.PRODUCT_ID).from(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.BARCODE.eq(barcode)).fetchOne(PRODUCT_BARCODE.PRODUCT_ID));
    }

    @Override
    public Optional<Product> findBySku(String sku) {
        return findOne(dsl.select(PRODUCT.ID).from(PRODUCT).where(PRODUCT.SKU.eq(sku)).fetchOne(PRODUCT.ID));
    }

    private Optional<Product> findOne(Long productId) {
        if (productId == null) {
            return Optional.empty();
        }
        Record row = dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.PRICE, PRODUCT.TAX_CODE,
                        PRODUCT.UNIT, CATEGORY.NAME)
                .from(PRODUCT)
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(PRODUCT.ID.eq(productId).and(PRODUCT.ACTIVE.isTrue()))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        long id = row.get(PRODUCT.ID);
        List<String> barcodes = dsl.select(PRODUCT_BARCODE.BARCODE)
                .from(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.PRODUCT_ID.eq(id))
                .orderBy(PRODUCT_BARCODE.BARCODE)
                .fetch(PRODUCT_BARCODE.BARCODE);
        return Optional.of(new Product(id, row.get(PRODUCT.SKU), row.get(PRODUCT.NAME),
                Money.of(row.get(PRODUCT.PRICE), currency), row.get(PRODUCT.TAX_CODE), row.get(CATEGORY.NAME),
                Unit.fromCode(row.get(PRODUCT.UNIT)), barcodes));
    }

    @Override
    public List<TaxRate> taxRates() {
        return dsl.selectFrom(TAX_RATE)
                .orderBy(TAX_RATE.CODE)
                .fetch(r -> new TaxRate(r.getCode(), r.getName(), r.getRatePercent()));
    }

    @Override
    public void saveTaxRate(TaxRate rate) {
        dsl.insertInto(TAX_RATE)
                .set(TAX_RATE.CODE, rate.code())
                .set(TAX_RATE.NAME, rate.name())
                .set(TAX_RATE.RATE_PERCENT, rate.percent())
                .onConflict(TAX_RATE.CODE)
                .doUpdate()
                .set(TAX_RATE.NAME, rate.name())
                .set(TAX_RATE.RATE_PERCENT, rate.percent())
                .execute();
    }

    @Override
    public void upsert(CatalogRow row) {
        Long categoryId = row.category() == null ? null : categoryId(row.category());
        dsl.insertInto(PRODUCT)
                .set(PRODUCT.SKU, row.sku())
                .set(PRODUCT.NAME, row.name())
                .set(PRODUCT.PRICE, row.price())
                .set(PRODUCT.TAX_CODE, row.taxCode())
                .set(PRODUCT.CATEGORY_ID, categoryId)
                .set(PRODUCT.UNIT, row.unit().code())
                .onConflict(PRODUCT.SKU)
                .doUpdate()
                .set(PRODUCT.NAME, row.name())
                .set(PRODUCT.PRICE, row.price())
                .set(PRODUCT.TAX_CODE, row.taxCode())
                .set(PRODUCT.CATEGORY_ID, categoryId)
                .set(PRODUCT.UNIT, row.unit().code())
                .set(PRODUCT.ACTIVE, true)
                .execute();
        long productId = dsl.select(PRODUCT.ID).from(PRODUCT).where(PRODUCT.SKU.eq(row.sku())).fetchSingle(PRODUCT.ID);
        dsl.connection(connection -> ProductWordIndex.replace(connection, Map.of(productId, row.name())));
        dsl.deleteFrom(PRODUCT_BARCODE)
                .where(PRODUCT_BARCODE.PRODUCT_ID.eq(productId))
                .and(PRODUCT_BARCODE.BARCODE.notIn(row.barcodes()))
                .execute();
        for (String barcode : row.barcodes()) {
            dsl.insertInto(PRODUCT_BARCODE)
                    .set(PRODUCT_BARCODE.BARCODE, barcode)
                    .set(PRODUCT_BARCODE.PRODUCT_ID, productId)
                    .onConflict(PRODUCT_BARCODE.BARCODE)
                    .doUpdate()
                    .set(PRODUCT_BARCODE.PRODUCT_ID, productId)
                    .execute();
        }
    }

    // Plain JDBC for the bulk path: one prepared statement per step, executed as a JDBC batch. The
    // ids are looked up by joining an array of SKUs, not with IN (...) or = ANY(?): H2 re-checks such
    // a condition by walking the whole list for every row found, which is quadratic in the batch size.
    private static final String MERGE_PRODUCT = "MERGE INTO product (sku, name, price, tax_code, category_id, unit, active)"
            + " KEY (sku) VALUES (?, ?, ?, ?, ?, ?, TRUE)";
    private static final String PRODUCT_IDS = "SELECT p.sku, p.id FROM UNNEST(?) AS u(sku) JOIN product p ON p.sku = u.sku";
    private static final String DELETE_BARCODES = "DELETE FROM product_barcode WHERE product_id = ?";
    private static final String MERGE_BARCODE = "MERGE INTO product_barcode (barcode, product_id) KEY (barcode) VALUES (?, ?)";

    @Override
    public void upsertAll(List<CatalogRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // of two rows with the same SKU the later one wins, as if they were upserted in order
        Map<String, CatalogRow> bySku = new LinkedHashMap<>();
        for (CatalogRow row : rows) {
            bySku.remove(row.sku());
            bySku.put(row.sku(), row);
        }
        Set<String> categoryNames = new LinkedHashSet<>();
        bySku.values().stream().map(CatalogRow::category).filter(c -> c != null).forEach(categoryNames::add);
        Map<String, Long> categories = categoryIds(categoryNames);
        dsl.connection(connection -> writeBatch(connection, bySku, categories));
    }

    private static void writeBatch(Connection connection, Map<String, CatalogRow> bySku, Map<String, Long> categories)
            throws SQLException {
        // which of these products exist already: the new ones have no words or barcodes to remove
        java.util.Set<String> existing = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(PRODUCT_IDS)) {
            select.setObject(1, bySku.keySet().toArray(new String[0]));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    existing.add(result.getString(1));
                }
            }
        }
        // H2's MERGE ... KEY (sku) updates the product in place (its id stays) or inserts it
        try (PreparedStatement merge = connection.prepareStatement(MERGE_PRODUCT)) {
            for (CatalogRow row : bySku.values()) {
                merge.setString(1, row.sku());
                merge.setString(2, row.name());
                merge.setBigDecimal(3, row.price());
                merge.setString(4, row.taxCode());
                if (row.category() == null) {
                    merge.setNull(5, Types.BIGINT);
                } else {
                    merge.setLong(5, categories.get(row.category()));
                }
                merge.setString(6, row.unit().code());
                merge.addBatch();
            }
            merge.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>(bySku.size() * 2);
        try (PreparedStatement select = connection.prepareStatement(PRODUCT_IDS)) {
            select.setObject(1, bySku.keySet().toArray(new String[0]));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.put(result.getString(1), result.getLong(2));
                }
            }
        }
        Map<Long, String> names = new HashMap<>(bySku.size() * 2);
        java.util.Set<Long> created = new java.util.HashSet<>();
        for (CatalogRow row : bySku.values()) {
            long id = ids.get(row.sku());
            names.put(id, row.name());
            if (!existing.contains(row.sku())) {
                created.add(id);
            }
        }
        ProductWordIndex.replace(connection, names, created);
        // the rows' barcodes replace the ones these products had; a barcode of another product moves
        if (created.size() < ids.size()) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_BARCODES)) {
                for (Map.Entry<String, Long> id : ids.entrySet()) {
                    if (existing.contains(id.getKey())) {
                        delete.setLong(1, id.getValue());
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement merge = connection.prepareStatement(MERGE_BARCODE)) {
            int count = 0;
            for (CatalogRow row : bySku.values()) {
                long productId = ids.get(row.sku());
                for (String barcode : row.barcodes()) {
                    merge.setString(1, barcode);
                    merge.setLong(2, productId);
                    merge.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                merge.executeBatch();
            }
        }
    }

    /** The ids of these categories, creating the ones that do not exist yet. */
    private Map<String, Long> categoryIds(Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        ids.putAll(dsl.select(CATEGORY.NAME, CATEGORY.ID).from(CATEGORY).where(CATEGORY.NAME.in(names))
                .fetchMap(CATEGORY.NAME, CATEGORY.ID));
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!ids.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            BatchBindStep insert = dsl.batch(dsl.insertInto(CATEGORY, CATEGORY.NAME).values((String) null));
            missing.forEach(insert::bind);
            insert.execute();
            ids.putAll(dsl.select(CATEGORY.NAME, CATEGORY.ID).from(CATEGORY).where(CATEGORY.NAME.in(missing))
                    .fetchMap(CATEGORY.NAME, CATEGORY.ID));
        }
        return ids;
    }

    @Override
    public long productCount() {
        return dsl.fetchCount(PRODUCT, PRODUCT.ACTIVE.isTrue());
    }

    @Override
    public boolean isEmpty() {
        return !dsl.fetchExists(PRODUCT);
    }

    private long categoryId(String name) {
        Long existing = dsl.select(CATEGORY.ID).from(CATEGORY).where(CATEGORY.NAME.eq(name)).fetchOne(CATEGORY.ID);
        if (existing != null) {
            return existing;
        }
        return dsl.insertInto(CATEGORY).set(CATEGORY.NAME, name).returning(CATEGORY.ID).fetchSingle(CATEGORY.ID);
    }
}
