package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.JOURNAL_ENTRY;
import static org.omnitill.core.store.jooq.Tables.OUTBOX;
import static org.omnitill.core.store.jooq.Tables.PRICE_ENTRY;
import static org.omnitill.core.store.jooq.Tables.PRODUCT;
import static org.omnitill.core.store.jooq.Tables.STOCK_LEVEL;
import static org.omnitill.core.store.jooq.Tables.STOCK_LOCATION;
import static org.omnitill.core.store.jooq.Tables.SYNC_STATE;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.omnitill.core.sync.HubEnrolment;
import org.omnitill.core.sync.OutboundDocument;
import org.omnitill.core.sync.StockLevel;
import org.omnitill.core.sync.SyncRepository;

final class JooqSyncRepository implements SyncRepository {

    private final DSLContext dsl;

    JooqSyncRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<HubEnrolment> enrolment() {
        return dsl.selectFrom(SYNC_STATE).where(SYNC_STATE.ID.eq(1)).fetchOptional(r -> new HubEnrolment(r.getHubUrl(),
                r.getTillId(), r.getStoreCode(), r.getTillCode(), r.getToken(), r.getEnrolledAt().toInstant()));
    }

    @Override
    public void saveEnrolment(HubEnrolment e) {
        HubEnrolment before = enrolment().orElse(null);
        if (before == null || !before.tillId().equals(e.tillId()) || !before.hubUrl().equals(e.hubUrl())) {
            // another till identity (or another hub): what the old one was told does not apply any more;
            // the new feed, read from the start, brings this store's prices and all stock levels again
            dsl.update(PRODUCT).set(PRODUCT.PRICE, PRODUCT.BASE_PRICE).setNull(PRODUCT.BASE_PRICE)
                    .where(PRODUCT.BASE_PRICE.isNotNull()).execute();
            dsl.deleteFrom(PRICE_ENTRY).execute();
            dsl.deleteFrom(STOCK_LEVEL).execute();
            dsl.deleteFrom(STOCK_LOCATION).execute();
        }
        dsl.deleteFrom(SYNC_STATE).execute();
        dsl.insertInto(SYNC_STATE)
                .set(SYNC_STATE.ID, 1)
                .set(SYNC_STATE.HUB_URL, e.hubUrl())
                .set(SYNC_STATE.TILL_ID, e.tillId())
                .set(SYNC_STATE.STORE_CODE, e.storeCode())
                .set(SYNC_STATE.TILL_CODE, e.tillCode())
                .set(SYNC_STATE.TOKEN, e.token())
                .set(SYNC_STATE.ENROLLED_AT, e.enrolledAt().atOffset(ZoneOffset.UTC))
                .set(SYNC_STATE.FEED_CURSOR, 0L)
                .execute();
    }

    @Override
    public long feedCursor() {
        Long cursor = dsl.select(SYNC_STATE.FEED_CURSOR).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1)).fetchOne(SYNC_STATE.FEED_CURSOR);
        return cursor == null ? 0 : cursor;
    }

    @Override
    public void saveFeedCursor(long cursor) {
        dsl.update(SYNC_STATE).set(SYNC_STATE.FEED_CURSOR, cursor).where(SYNC_STATE.ID.eq(1)).execute();
    }

    @Override
    public List<OutboundDocument> nextOutbound(int limit) {
        // the first waiting documents in journal order, read from the outbox's sequence index, which
        // stops at the limit. Written as a join, H2 read the whole journal and sorted it: 1.7-2.5 s a
        // round for a till with 134,000 documents queued (the hint and the derived table keep it from that)
        Table<?> waiting = DSL.table("(SELECT document_id, journal_sequence FROM outbox USE INDEX (outbox_sequence_idx)"
                + " WHERE rejected_reason IS NULL ORDER BY journal_sequence FETCH FIRST {0} ROWS ONLY)",
                DSL.inline(Math.max(0, limit))).as("waiting");
        Field<UUID> documentId = DSL.field(DSL.name("waiting", "DOCUMENT_ID"), UUID.class);
        Field<Long> sequence = DSL.field(DSL.name("waiting", "JOURNAL_SEQUENCE"), Long.class);
        return dsl.select(documentId, JOURNAL_ENTRY.DOCUMENT_TYPE, JOURNAL_ENTRY.SEQUENCE, JOURNAL_ENTRY.CREATED_AT,
                        JOURNAL_ENTRY.PREV_HASH, JOURNAL_ENTRY.HASH, JOURNAL_ENTRY.BODY)
                .from(waiting)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.SEQUENCE.eq(sequence))
                .orderBy(sequence)
                .fetch(r -> new OutboundDocument(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6(), r.value7()));
    }

    @Override
    public void acknowledge(Collection<UUID> documentIds) {
        if (!documentIds.isEmpty()) {
            dsl.deleteFrom(OUTBOX).where(OUTBOX.DOCUMENT_ID.in(documentIds)).execute();
        }
    }

    @Override
    public void markRejected(Map<UUID, String> reasons) {
        reasons.forEach((id, reason) -> dsl.update(OUTBOX)
                .set(OUTBOX.REJECTED_REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                .where(OUTBOX.DOCUMENT_ID.eq(id))
                .execute());
    }

    @Override
    public void countAttempt(Collection<UUID> documentIds) {
        if (!documentIds.isEmpty()) {
            dsl.update(OUTBOX).set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1)).where(OUTBOX.DOCUMENT_ID.in(documentIds)).execute();
        }
    }

    @Override
    public long rejectedCount() {
        // ">= ''" is "IS NOT NULL" for a string, said so that H2 reads it from outbox_rejected_idx (V14)
        return dsl.fetchCount(OUTBOX, OUTBOX.REJECTED_REASON.ge(""));
    }

    @Override
    public long waitingCount() {
        // every row (H2 keeps that count) minus the few refused: never a scan of the bodies
        return dsl.fetchCount(OUTBOX) - rejectedCount();
    }

    @Override
    public void saveLocation(String code, String name, String kind, String storeCode) {
        dsl.insertInto(STOCK_LOCATION, STOCK_LOCATION.CODE, STOCK_LOCATION.NAME, STOCK_LOCATION.KIND, STOCK_LOCATION.STORE_CODE)
                .values(code, name, kind, storeCode)
                .onConflict(STOCK_LOCATION.CODE).doUpdate()
                .set(STOCK_LOCATION.NAME, name).set(STOCK_LOCATION.KIND, kind).set(STOCK_LOCATION.STORE_CODE, storeCode)
                .execute();
    }

    @Override
    public void saveStockLevel(String location, String sku, BigDecimal onHand) {
        dsl.insertInto(STOCK_LEVEL, STOCK_LEVEL.LOCATION, STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND)
                .values(location, sku, onHand)
                .onConflict(STOCK_LEVEL.LOCATION, STOCK_LEVEL.SKU).doUpdate()
                .set(STOCK_LEVEL.ON_HAND, onHand)
                .execute();
    }

    @Override
    public List<StockLevel> stockLevels(String sku) {
        return dsl.select(STOCK_LEVEL.LOCATION, STOCK_LOCATION.NAME, STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND)
                .from(STOCK_LEVEL)
                .leftJoin(STOCK_LOCATION).on(STOCK_LOCATION.CODE.eq(STOCK_LEVEL.LOCATION))
                .where(STOCK_LEVEL.SKU.eq(sku))
                .orderBy(DSL.when(STOCK_LOCATION.KIND.eq("STORE"), 0).otherwise(1), STOCK_LEVEL.LOCATION)
                .fetch(r -> new StockLevel(r.value1(), r.value2() == null ? r.value1() : r.value2(), r.value3(), r.value4()));
    }

    @Override
    public void savePriceEntry(long id, String sku, BigDecimal price, java.time.Instant effectiveFrom, int scopeRank) {
        dsl.insertInto(PRICE_ENTRY, PRICE_ENTRY.ID, PRICE_ENTRY.SKU, PRICE_ENTRY.PRICE, PRICE_ENTRY.EFFECTIVE_FROM,
                        PRICE_ENTRY.SCOPE_RANK)
                .values(id, sku, price, effectiveFrom.atOffset(ZoneOffset.UTC), scopeRank)
                .onConflict(PRICE_ENTRY.ID).doUpdate()
                .set(PRICE_ENTRY.SKU, sku).set(PRICE_ENTRY.PRICE, price)
                .set(PRICE_ENTRY.EFFECTIVE_FROM, effectiveFrom.atOffset(ZoneOffset.UTC)).set(PRICE_ENTRY.SCOPE_RANK, scopeRank)
                .execute();
        // the price before the first entry becomes the base the book falls back to
        dsl.update(PRODUCT).set(PRODUCT.BASE_PRICE, PRODUCT.PRICE)
                .where(PRODUCT.SKU.eq(sku), PRODUCT.BASE_PRICE.isNull())
                .execute();
    }

    @Override
    public void removePriceEntry(long id) {
        dsl.deleteFrom(PRICE_ENTRY).where(PRICE_ENTRY.ID.eq(id)).execute();
    }

    @Override
    public void rebasePrices(Collection<String> skus, java.time.Instant now) {
        if (skus.isEmpty()) {
            return;
        }
        List<String> withEntries = dsl.selectDistinct(PRICE_ENTRY.SKU).from(PRICE_ENTRY).where(PRICE_ENTRY.SKU.in(skus))
                .fetch(PRICE_ENTRY.SKU);
        if (withEntries.isEmpty()) {
            return;
        }
        dsl.update(PRODUCT).set(PRODUCT.BASE_PRICE, PRODUCT.PRICE).where(PRODUCT.SKU.in(withEntries)).execute();
        refreshPrices(withEntries, now);
    }

    @Override
    public void refreshPrices(Collection<String> skus, java.time.Instant now) {
        for (String sku : new java.util.TreeSet<>(skus)) {
            BigDecimal inForce = dsl.select(PRICE_ENTRY.PRICE).from(PRICE_ENTRY)
                    .where(PRICE_ENTRY.SKU.eq(sku), PRICE_ENTRY.EFFECTIVE_FROM.le(now.atOffset(ZoneOffset.UTC)))
                    .orderBy(PRICE_ENTRY.SCOPE_RANK.desc(), PRICE_ENTRY.EFFECTIVE_FROM.desc(), PRICE_ENTRY.ID.desc())
                    .limit(1)
                    .fetchOne(PRICE_ENTRY.PRICE);
            if (inForce != null) {
                dsl.update(PRODUCT).set(PRODUCT.PRICE, inForce).where(PRODUCT.SKU.eq(sku), PRODUCT.BASE_PRICE.isNotNull()).execute();
            } else {
                dsl.update(PRODUCT).set(PRODUCT.PRICE, PRODUCT.BASE_PRICE).where(PRODUCT.SKU.eq(sku), PRODUCT.BASE_PRICE.isNotNull())
                        .execute();
            }
        }
    }

    @Override
    public List<String> skusWithEntriesBetween(java.time.Instant after, java.time.Instant upTo) {
        return dsl.selectDistinct(PRICE_ENTRY.SKU).from(PRICE_ENTRY)
                .where(PRICE_ENTRY.EFFECTIVE_FROM.gt(after.atOffset(ZoneOffset.UTC)),
                        PRICE_ENTRY.EFFECTIVE_FROM.le(upTo.atOffset(ZoneOffset.UTC)))
                .fetch(PRICE_ENTRY.SKU);
    }

    @Override
    public java.time.Instant pricesCheckedAt() {
        var at = dsl.select(SYNC_STATE.PRICES_CHECKED_AT).from(SYNC_STATE).where(SYNC_STATE.ID.eq(1))
                .fetchOne(SYNC_STATE.PRICES_CHECKED_AT);
        return at == null ? java.time.Instant.EPOCH : at.toInstant();
    }

    @Override
    public void savePricesCheckedAt(java.time.Instant at) {
        dsl.update(SYNC_STATE).set(SYNC_STATE.PRICES_CHECKED_AT, at.atOffset(ZoneOffset.UTC)).where(SYNC_STATE.ID.eq(1)).execute();
    }

    @Override
    public void deactivateProducts(Collection<String> skus) {
        if (!skus.isEmpty()) {
            dsl.update(PRODUCT).set(PRODUCT.ACTIVE, false).where(PRODUCT.SKU.in(skus)).execute();
        }
    }
}
