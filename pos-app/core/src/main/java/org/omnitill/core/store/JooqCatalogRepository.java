package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.CATEGORY;
import static org.omnitill.core.store.jooq.Tables.PRODUCT;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_BARCODE;
import static org.omnitill.core.store.jooq.Tables.TAX_RATE;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
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
        Record row = dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.PRICE, PRODUCT.TAX_CODE,
                        PRODUCT.UNIT, CATEGORY.NAME)
                .from(PRODUCT_BARCODE)
                .join(PRODUCT).on(PRODUCT.ID.eq(PRODUCT_BARCODE.PRODUCT_ID))
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(PRODUCT_BARCODE.BARCODE.eq(barcode).and(PRODUCT.ACTIVE.isTrue()))
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

    @Override
    public long productCount() {
        return dsl.fetchCount(PRODUCT, PRODUCT.ACTIVE.isTrue());
    }

    private long categoryId(String name) {
        Long existing = dsl.select(CATEGORY.ID).from(CATEGORY).where(CATEGORY.NAME.eq(name)).fetchOne(CATEGORY.ID);
        if (existing != null) {
            return existing;
        }
        return dsl.insertInto(CATEGORY).set(CATEGORY.NAME, name).returning(CATEGORY.ID).fetchSingle(CATEGORY.ID);
    }
}
