package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.CATEGORY;
import static org.omnitill.core.store.jooq.Tables.PRODUCT;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_WORD;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_WORD_COUNT;
import static org.omnitill.core.store.jooq.Tables.PRODUCT_WORD_COUNT_CHANGE;
import static org.omnitill.core.store.jooq.Tables.SALE_LINE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
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
        if (words.size() > 1) {
            // the rarest word drives the index scan, the others filter each of its products
            Map<String, Long> products = new HashMap<>();
            for (String word : words) {
                products.put(word, productsWith(word));
            }
            words.sort(Comparator.<String>comparingLong(products::get)
                    .thenComparing(Comparator.comparingInt(String::length).reversed()));
        }
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
        if (ids.size() < limit && !words.isEmpty()) {
            // a word's key is product id * 256 + position (V12): the product's words are one key range
            ProductWord first = PRODUCT_WORD.as("w0");
            Field<Long> positions = DSL.inline((long) ProductWordIndex.POSITIONS);
            Field<Long> productId = first.ID.div(positions);
            Field<Long> product = productId.as("product_id");
            Field<Long> lowest = productId.mul(positions);
            Field<Long> highest = lowest.plus(positions).minus(DSL.inline(1L));
            Condition condition = first.WORD.like(escape(words.get(0)) + "%", '!');
            for (int i = 1; i < words.size(); i++) {
                ProductWord other = PRODUCT_WORD.as("w" + i);
                // "starts with" as LEFT(word, n) = prefix, not LIKE: H2 would take LIKE for a range of
                // the word index and walk every word with that prefix for each candidate; this way it
                // reads only the candidate's own few words, a range of the table's key
                String prefix = words.get(i);
                condition = condition.and(DSL.exists(DSL.selectOne().from(other)
                        .where(other.ID.ge(lowest)).and(other.ID.le(highest))
                        .and(DSL.left(other.WORD, DSL.inline(prefix.length())).eq(prefix))));
            }
            // a product may match its first word twice ("tea tea"); fetch a little more than needed
            for (Long id : dsl.select(product).from(first).where(condition)
                    .orderBy(first.WORD, first.ID)
                    .limit(limit * 2)
                    .fetch(product)) {
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

    /**
     * How many products have a word that starts with {@code prefix}, from {@code product_word_count}
     * and {@code product_word_count_change} (ranges of their word keys): the words of a query are
     * ordered by it; it decides how fast, never what is found. Driving the search with a common
     * brand ("vita", 50,000 products) and checking a rarer word ("broc") against each of its products
     * took 260-330 ms on the 1,000,000-product catalog; the other way round, 2,500 products, 23 ms.
     */
    private long productsWith(String prefix) {
        String pattern = escape(prefix) + "%";
        Long counted = dsl.select(DSL.sum(PRODUCT_WORD_COUNT.PRODUCTS).cast(Long.class))
                .from(PRODUCT_WORD_COUNT)
                .where(PRODUCT_WORD_COUNT.WORD.like(pattern, '!'))
                .fetchOne(0, Long.class);
        // plus the changes written since the till opened (V15)
        Long changed = dsl.select(DSL.sum(PRODUCT_WORD_COUNT_CHANGE.CHANGE).cast(Long.class))
                .from(PRODUCT_WORD_COUNT_CHANGE)
                .where(PRODUCT_WORD_COUNT_CHANGE.WORD.like(pattern, '!'))
                .fetchOne(0, Long.class);
        return (counted == null ? 0 : counted) + (changed == null ? 0 : changed);
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
