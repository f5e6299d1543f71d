package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.LOCATION;
import static org.omnitill.hub.jooq.Tables.STOCK_LEVEL;
import static org.omnitill.hub.jooq.Tables.STOCK_MOVEMENT;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.omnitill.sync.protocol.ChangeData;

/**
 * The stock ledger: movements, each naming the document or operation that caused it, and the
 * on-hand level per location and SKU kept as their sum in the same transaction.
 */
final class StockLedger {

    /** One movement to record. */
    record Movement(String locationId, String locationCode, String sku, BigDecimal quantity, String sourceId,
                    String reason) {
    }

    /**
     * Records the movements and updates the levels they touch; returns the new levels as feed
     * changes. Levels are updated in key order so that concurrent transactions cannot deadlock.
     */
    List<ChangeFeed.Pending> record(DSLContext tx, List<Movement> movements, OffsetDateTime now) {
        if (movements.isEmpty()) {
            return List.of();
        }
        var insert = tx.batch(tx.insertInto(STOCK_MOVEMENT, STOCK_MOVEMENT.LOCATION_ID, STOCK_MOVEMENT.SKU,
                        STOCK_MOVEMENT.QUANTITY, STOCK_MOVEMENT.SOURCE_ID, STOCK_MOVEMENT.REASON, STOCK_MOVEMENT.CREATED_AT)
                .values((String) null, null, null, null, null, null));
        Map<Key, BigDecimal> deltas = new LinkedHashMap<>();
        for (Movement m : movements) {
            insert.bind(m.locationId(), m.sku(), m.quantity(), m.sourceId(), m.reason(), now);
            deltas.merge(new Key(m.locationId(), m.locationCode(), m.sku()), m.quantity(), BigDecimal::add);
        }
        insert.execute();
        List<Key> keys = new ArrayList<>(deltas.keySet());
        keys.sort(Comparator.comparing(Key::locationId).thenComparing(Key::sku));
        var upsert = tx.batch(tx.insertInto(STOCK_LEVEL, STOCK_LEVEL.LOCATION_ID, STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND)
                .values((String) null, null, null)
                .onConflict(STOCK_LEVEL.LOCATION_ID, STOCK_LEVEL.SKU)
                .doUpdate()
                .set(STOCK_LEVEL.ON_HAND, STOCK_LEVEL.ON_HAND.plus(DSL.excluded(STOCK_LEVEL.ON_HAND))));
        for (Key key : keys) {
            upsert.bind(key.locationId(), key.sku(), deltas.get(key));
        }
        upsert.execute();
        Map<String, BigDecimal> levels = new java.util.HashMap<>();
        // one query per location (a till's push touches one), joining the list of SKUs to the primary key:
        // "sku IN (...)" made H2 walk every level of the location and compare it with the whole list
        Map<String, List<String>> skusByLocation = new java.util.TreeMap<>();
        keys.forEach(k -> skusByLocation.computeIfAbsent(k.locationId(), l -> new ArrayList<>()).add(k.sku()));
        skusByLocation.forEach((location, skus) -> {
            var wanted = DSL.unnest(skus.toArray(new String[0])).as("wanted", "sku");
            var wantedSku = wanted.field("sku", String.class);
            tx.select(STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND).from(wanted)
                    .join(STOCK_LEVEL).on(STOCK_LEVEL.LOCATION_ID.eq(location).and(STOCK_LEVEL.SKU.eq(wantedSku)))
                    .forEach(r -> levels.put(location + "\u0000" + r.value1(), r.value2()));
        });
        List<ChangeFeed.Pending> changes = new ArrayList<>(keys.size());
        for (Key key : keys) {
            BigDecimal onHand = levels.get(key.locationId() + "\u0000" + key.sku());
            changes.add(new ChangeFeed.Pending(null, key.locationCode() + "|" + key.sku(),
                    new ChangeData.StockLevelData(key.locationCode(), key.sku(), onHand)));
        }
        return changes;
    }

    /** On hand per SKU at one location, or at every location when {@code locationCode} is null. */
    static List<ChangeData.StockLevelData> levels(DSLContext dsl, String locationCode, String sku) {
        var condition = DSL.noCondition();
        if (locationCode != null) {
            condition = condition.and(LOCATION.CODE.eq(locationCode));
        }
        if (sku != null) {
            condition = condition.and(STOCK_LEVEL.SKU.eq(sku));
        }
        return dsl.select(LOCATION.CODE, STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND)
                .from(STOCK_LEVEL).join(LOCATION).on(LOCATION.ID.eq(STOCK_LEVEL.LOCATION_ID))
                .where(condition)
                .orderBy(LOCATION.CODE, STOCK_LEVEL.SKU)
                .limit(10_000)
                .fetch(r -> new ChangeData.StockLevelData(r.value1(), r.value2(), r.value3()));
    }

    private record Key(String locationId, String locationCode, String sku) {
    }
}
