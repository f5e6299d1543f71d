package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.CHANGE_LOG;
import static org.omnitill.hub.jooq.Tables.FEED_HEAD;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Result;
import org.omnitill.sync.protocol.ChangeData;

/**
 * The change feed: every change a till should see, numbered gapless in commit order (see the
 * migration). Writers call {@link #append} as the last step of their transaction.
 */
final class ChangeFeed {

    /** A change to publish; {@code storeId} null for every till. */
    record Pending(String storeId, String key, ChangeData data) {
    }

    private final ObjectMapper json;

    ChangeFeed(ObjectMapper json) {
        this.json = json;
    }

    /** Numbers and stores the changes; holds the feed's counter row until the transaction ends. */
    void append(DSLContext tx, List<Pending> changes, OffsetDateTime now) {
        if (changes.isEmpty()) {
            return;
        }
        long last = tx.select(FEED_HEAD.LAST_SEQ).from(FEED_HEAD).where(FEED_HEAD.ID.eq(1)).forUpdate()
                .fetchSingle(FEED_HEAD.LAST_SEQ);
        var insert = tx.batch(tx.insertInto(CHANGE_LOG, CHANGE_LOG.SEQ, CHANGE_LOG.STORE_ID, CHANGE_LOG.KIND,
                CHANGE_LOG.ENTITY_KEY, CHANGE_LOG.PAYLOAD, CHANGE_LOG.CREATED_AT).values((Long) null, null, null, null, null, null));
        long seq = last;
        for (Pending change : changes) {
            seq++;
            insert.bind(seq, change.storeId(), kindOf(change.data()), change.key(), write(change.data()), now);
        }
        insert.execute();
        tx.update(FEED_HEAD).set(FEED_HEAD.LAST_SEQ, seq).where(FEED_HEAD.ID.eq(1)).execute();
    }

    /**
     * The page after {@code after} that a till of {@code storeId} sees, as the JSON of a
     * {@link org.omnitill.sync.protocol.ChangePage}, written straight from the stored payloads.
     */
    String pageJson(DSLContext dsl, String storeId, long after, int limit) {
        // every change up to the head is committed (the head moves in the transaction that adds them),
        // so reading the head first gives a bound below which nothing can still appear
        long head = dsl.select(FEED_HEAD.LAST_SEQ).from(FEED_HEAD).where(FEED_HEAD.ID.eq(1)).fetchSingle(FEED_HEAD.LAST_SEQ);
        if (after > head) {
            // the hub was restored from a backup (or lost its last writes): numbers after the head will be
            // used again, so the till must read the feed from the start rather than skip them
            throw new ApiException(409, "cursor-ahead", "the cursor " + after + " is ahead of the hub's feed (" + head
                    + "); read the feed again from 0");
        }
        Result<Record2<Long, String>> rows = dsl.select(CHANGE_LOG.SEQ, CHANGE_LOG.PAYLOAD)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.SEQ.gt(after))
                .and(CHANGE_LOG.SEQ.le(head))
                .and(CHANGE_LOG.STORE_ID.isNull().or(CHANGE_LOG.STORE_ID.eq(storeId)))
                .orderBy(CHANGE_LOG.SEQ)
                .limit(limit + 1)
                .fetch();
        boolean more = rows.size() > limit;
        StringWriter out = new StringWriter(64 + rows.size() * 160);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("changes");
            long next = after;
            for (int i = 0; i < Math.min(limit, rows.size()); i++) {
                Record2<Long, String> row = rows.get(i);
                g.writeStartObject();
                g.writeNumberField("seq", row.value1());
                g.writeFieldName("data");
                g.writeRawValue(row.value2());
                g.writeEndObject();
                next = row.value1();
            }
            g.writeEndArray();
            if (!more) {
                // everything this till sees up to the head is in this page: skip other stores' changes too
                next = Math.max(after, head);
            }
            g.writeNumberField("next", next);
            g.writeBooleanField("more", more);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Deletes changes that a later change of the same product, tax rate, location or stock level
     * (and store scope) supersedes, up to {@code limit} of them; returns how many. A till reading
     * from any cursor still ends with the same state, since it always meets the latest change; what
     * it skips are values that were already out of date. Price entries are never compacted (each is
     * its own record, and removals refer to them).
     */
    int compact(DSLContext dsl, int limit) {
        var later = CHANGE_LOG.as("later");
        var superseded = dsl.select(CHANGE_LOG.SEQ).from(CHANGE_LOG)
                .where(CHANGE_LOG.KIND.in("product", "tax-rate", "location", "stock-level"))
                .andExists(dsl.selectOne().from(later)
                        .where(later.KIND.eq(CHANGE_LOG.KIND), later.ENTITY_KEY.eq(CHANGE_LOG.ENTITY_KEY),
                                later.SEQ.gt(CHANGE_LOG.SEQ), later.STORE_ID.isNotDistinctFrom(CHANGE_LOG.STORE_ID)))
                .orderBy(CHANGE_LOG.SEQ)
                .limit(limit)
                .fetch(CHANGE_LOG.SEQ);
        if (superseded.isEmpty()) {
            return 0;
        }
        return dsl.deleteFrom(CHANGE_LOG).where(CHANGE_LOG.SEQ.in(superseded)).execute();
    }

    private String write(ChangeData data) {
        try {
            return json.writerFor(ChangeData.class).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a change as JSON", e);
        }
    }

    private static String kindOf(ChangeData data) {
        return switch (data) {
            case ChangeData.ProductData p -> "product";
            case ChangeData.TaxRateData t -> "tax-rate";
            case ChangeData.StockLevelData s -> "stock-level";
            case ChangeData.LocationData l -> "location";
            case ChangeData.PriceData p -> "price";
            case ChangeData.PriceRemovedData p -> "price-removed";
            case ChangeData.PromotionData p -> "promotion";
            case ChangeData.PromotionRemovedData p -> "promotion-removed";
        };
    }
}
