package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.CATEGORY;
import static org.omnitill.core.store.jooq.Tables.PRODUCT;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_WORD;
import static org.omnitill.core.store.jooq.Tables.SALE_LINE;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.ProductWords;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.store.jooq.tables.ProductWord;

/**
 * Search as you type over the word index: the first query word drives an index range scan
 * ({@code word LIKE 'cher%'}), every further word must also start a word of the same product, and
 * a query that looks like a SKU also matches SKUs by prefix. Never reads the whole catalog.
 */
final class JooqProductSearch implements ProductSearch {

    private final DSLContext dsl;
    private final Currency currency;

    JooqProductSearch(DSLContext dsl, Currency currency) {
        this.dsl = dsl;
        this.currency = currency;
    }

    @Override
    public List<Hit> search(String query, int limit) {
        List<String> words = new ArrayList<>(ProductWords.of(query));
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        // the longest word is usually the rarest: let it drive the index scan, the others filter
        words.sort(java.util.Comparator.comparingInt(String::length).reversed());
        Set<Long> ids = new LinkedHashSet<>();
        String trimmed = query.strip();
        if (trimmed.length() >= 2 && !trimmed.contains(" ")) {
            // SKUs by prefix, as typed and in upper case: two index range scans, never LOWER(sku) over every row
            for (String prefix : new LinkedHashSet<>(List.of(trimmed, trimmed.toUpperCase(java.util.Locale.ROOT)))) {
                ids.addAll(dsl.select(PRODUCT.ID).from(PRODUCT)
                        .where(PRODUCT.SKU.like(escape(prefix) + "%", '!').and(PRODUCT.ACTIVE.isTrue()))
                        .orderBy(PRODUCT.SKU)
                        .limit(limit)
                        .fetch(PRODUCT.ID));
            }
        }
        if (ids.size() < limit) {
            ProductWord first = PRODUCT_WORD.as("w0");
            Condition condition = first.WORD.like(escape(words.get(0)) + "%", '!');
            for (int i = 1; i < words.size(); i++) {
                ProductWord other = PRODUCT_WORD.as("w" + i);
                condition = condition.and(DSL.exists(DSL.selectOne().from(other)
                        .where(other.PRODUCT_ID.eq(first.PRODUCT_ID))
                        .and(other.WORD.like(escape(words.get(i)) + "%", '!'))));
            }
            // a product may match its first word twice ("tea tea"); fetch a little more than needed
            for (Long id : dsl.select(first.PRODUCT_ID).from(first).where(condition)
                    .orderBy(first.WORD, first.PRODUCT_ID)
                    .limit(limit * 2)
                    .fetch(first.PRODUCT_ID)) {
                if (ids.size() >= limit) {
                    break;
                }
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return hitsInOrder(ids);
    }

    /** The active products with these ids, in the order given. */
    private List<Hit> hitsInOrder(java.util.Collection<Long> ids) {
        var rows = dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.PRICE, PRODUCT.UNIT, CATEGORY.NAME)
                .from(PRODUCT)
                .leftJoin(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(PRODUCT.ID.in(ids).and(PRODUCT.ACTIVE.isTrue()))
                .fetchMap(PRODUCT.ID);
        List<Hit> hits = new ArrayList<>();
        for (Long id : ids) {
            var row = rows.get(id);
            if (row != null) {
                hits.add(toHit(row));
            }
        }
        return hits;
    }

    private Hit toHit(org.jooq.Record row) {
        return new Hit(row.get(PRODUCT.ID), row.get(PRODUCT.SKU), row.get(PRODUCT.NAME),
                Money.of(row.get(PRODUCT.PRICE), currency), Unit.fromCode(row.get(PRODUCT.UNIT)), row.get(CATEGORY.NAME));
    }

    @Override
    public List<String> categories() {
        return dsl.select(CATEGORY.NAME).from(CATEGORY)
                .whereExists(DSL.selectOne().from(PRODUCT).where(PRODUCT.CATEGORY_ID.eq(CATEGORY.ID)).and(PRODUCT.ACTIVE.isTrue()))
                .orderBy(CATEGORY.NAME).fetch(CATEGORY.NAME);
    }

    @Override
    public List<Hit> inCategory(String category, int limit) {
        return dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.PRICE, PRODUCT.UNIT, CATEGORY.NAME)
                .from(PRODUCT).join(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .where(CATEGORY.NAME.eq(category).and(PRODUCT.ACTIVE.isTrue()))
                .orderBy(PRODUCT.NAME).limit(limit)
                .fetch(this::toHit);
    }

    @Override
    public List<Hit> favourites(int limit) {
        var sold = DSL.count().as("sold");
        var top = dsl.select(SALE_LINE.PRODUCT_ID, sold).from(SALE_LINE)
                .where(SALE_LINE.QUANTITY.gt(java.math.BigDecimal.ZERO))
                .groupBy(SALE_LINE.PRODUCT_ID).orderBy(sold.desc(), SALE_LINE.PRODUCT_ID).limit(limit)
                .fetch(SALE_LINE.PRODUCT_ID);
        return top.isEmpty() ? List.of() : hitsInOrder(top);
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
