package org.omnitill.core.sync;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The till's sync state in its local store: enrolment, feed cursor, outbox progress, remote stock. */
public interface SyncRepository {

    Optional<HubEnrolment> enrolment();

    /**
     * Records a (new) enrolment; the feed starts again from the beginning. For another till identity
     * or hub, the price-book entries and stock figures of the old one are dropped (prices back to base).
     */
    void saveEnrolment(HubEnrolment enrolment);

    long feedCursor();

    void saveFeedCursor(long cursor);

    /** The oldest documents waiting that the hub has not refused, in journal order. */
    List<OutboundDocument> nextOutbound(int limit);

    /** The hub has these: they leave the outbox. */
    void acknowledge(Collection<UUID> documentIds);

    /** The hub refused these (id to reason): they stay, marked, and are not sent again automatically. */
    void markRejected(Map<UUID, String> reasons);

    /** Counts another failed attempt for these documents. */
    void countAttempt(Collection<UUID> documentIds);

    long rejectedCount();

    /** How many documents wait to be sent (refused ones excluded). */
    long waitingCount();

    void saveLocation(String code, String name, String kind, String storeCode);

    void saveStockLevel(String location, String sku, BigDecimal onHand);

    /** On hand of a SKU at every location the hub reported, store locations first. */
    List<StockLevel> stockLevels(String sku);

    /** Keeps a price-book entry (by the hub's id; a resent one replaces itself). */
    void savePriceEntry(long id, String sku, BigDecimal price, java.time.Instant effectiveFrom, int scopeRank);

    /** Drops a price-book entry that no longer concerns this store. */
    void removePriceEntry(long id);

    /**
     * The catalog price of these products just became their base price (the feed sent the product
     * again); for those with price-book entries it is kept as the base and the price in force recomputed.
     */
    void rebasePrices(Collection<String> skus, java.time.Instant now);

    /** Sets each product's price to the price-book entry in force at {@code now}, or its base price. */
    void refreshPrices(Collection<String> skus, java.time.Instant now);

    /** Products with entries that come into force after {@code after} and at or before {@code upTo}. */
    List<String> skusWithEntriesBetween(java.time.Instant after, java.time.Instant upTo);

    /** Up to when due entries have been applied; the epoch before the first time. */
    java.time.Instant pricesCheckedAt();

    void savePricesCheckedAt(java.time.Instant at);

    /** Takes products off sale (the hub marked them inactive); their history stays. */
    void deactivateProducts(Collection<String> skus);
}
