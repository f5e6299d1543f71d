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

    /** Records a (new) enrolment; the feed starts again from the beginning for a new till identity. */
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

    /** Takes products off sale (the hub marked them inactive); their history stays. */
    void deactivateProducts(Collection<String> skus);
}
