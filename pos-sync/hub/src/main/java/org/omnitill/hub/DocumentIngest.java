package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.DOCUMENT;
import static org.omnitill.hub.jooq.Tables.JOURNAL_FLAG;
import static org.omnitill.hub.jooq.Tables.TILL_JOURNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.omnitill.hub.jooq.tables.records.TillJournalRecord;
import org.omnitill.sync.protocol.DocumentResult;
import org.omnitill.sync.protocol.JournalHash;
import org.omnitill.sync.protocol.DocumentResult.Status;
import org.omnitill.sync.protocol.PushResponse;
import org.omnitill.sync.protocol.PushedDocument;

/**
 * Takes a batch of documents from one till. Each document id is stored once; each document is
 * checked against the till's hash chain; a stored document's effects (stock movements) apply in
 * the same transaction. What does not fit is answered {@code REJECTED} with the reason and, where
 * it points at a tampered or forked journal, recorded as a journal flag for staff: never silently
 * accepted, never a failure of the whole batch.
 */
final class DocumentIngest {

    static final String ZERO_HASH = JournalHash.GENESIS;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_BODY = 1_000_000;

    private final Transactions transactions;
    private final StockLedger ledger;
    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final Clock clock;
    private final HubMetrics metrics;
    private final Runnable syncToDisk;

    DocumentIngest(Transactions transactions, StockLedger ledger, ChangeFeed feed, ObjectMapper json, Clock clock,
                   HubMetrics metrics, Runnable syncToDisk) {
        this.syncToDisk = syncToDisk;
        this.transactions = transactions;
        this.ledger = ledger;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    PushResponse push(TillPrincipal till, List<PushedDocument> documents) {
        PushResponse response = transactions.run(tx -> pushInTransaction(tx, till, documents));
        if (response.results().stream().anyMatch(DocumentResult::acknowledged)) {
            // durable before the till hears "accepted" (or "duplicate", which may be a push still syncing) and deletes its copy
            syncToDisk.run();
        }
        for (DocumentResult result : response.results()) {
            metrics.document(result.status());
        }
        return response;
    }

    private PushResponse pushInTransaction(DSLContext tx, TillPrincipal till, List<PushedDocument> documents) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // one push per till at a time: the journal row is the till's lock
        TillJournalRecord journal = tx.selectFrom(TILL_JOURNAL).where(TILL_JOURNAL.TILL_ID.eq(till.tillId())).forUpdate()
                .fetchOptional().orElseThrow(() -> ApiException.forbidden("this till is not enrolled"));
        String locationId = till.locationId();

        // what the hub already has of these ids and of the neighbouring sequences, in two queries
        Set<String> ids = new HashSet<>();
        Set<Long> sequences = new HashSet<>();
        for (PushedDocument d : documents) {
            if (d.id() != null) {
                ids.add(d.id().toString());
            }
            sequences.add(d.sequence() - 1);
            sequences.add(d.sequence());
            sequences.add(d.sequence() + 1);
        }
        Map<String, Stored> byId = new HashMap<>();
        tx.select(DOCUMENT.ID, DOCUMENT.TILL_ID, DOCUMENT.HASH).from(DOCUMENT).where(DOCUMENT.ID.in(ids))
                .forEach(r -> byId.put(r.value1(), new Stored(r.value1(), r.value2(), 0, null, r.value3())));
        Map<Long, Stored> bySequence = new HashMap<>();
        tx.select(DOCUMENT.ID, DOCUMENT.SEQUENCE, DOCUMENT.PREV_HASH, DOCUMENT.HASH).from(DOCUMENT)
                .where(DOCUMENT.TILL_ID.eq(till.tillId()), DOCUMENT.SEQUENCE.in(sequences))
                .forEach(r -> bySequence.put(r.value2(), new Stored(r.value1(), till.tillId(), r.value2(), r.value3(), r.value4())));

        List<DocumentResult> results = new ArrayList<>(documents.size());
        List<StockLedger.Movement> movements = new ArrayList<>();
        List<Map.Entry<String, CashRecords.Parsed>> cashRecords = new ArrayList<>();
        var insert = tx.batch(tx.insertInto(DOCUMENT, DOCUMENT.ID, DOCUMENT.TILL_ID, DOCUMENT.STORE_ID, DOCUMENT.SEQUENCE,
                DOCUMENT.TYPE, DOCUMENT.CREATED_AT, DOCUMENT.RECEIVED_AT, DOCUMENT.PREV_HASH, DOCUMENT.HASH, DOCUMENT.BODY)
                .values((String) null, null, null, null, null, null, null, null, null, null));
        int inserted = 0;
        long maxSequence = journal.getMaxSequence();
        for (PushedDocument d : documents) {
            Verdict verdict = check(tx, till, d, byId, bySequence, now);
            if (verdict.status != Status.ACCEPTED) {
                results.add(new DocumentResult(d.id(), verdict.status, verdict.reason));
                continue;
            }
            String id = d.id().toString();
            insert.bind(id, till.tillId(), till.storeId(), d.sequence(), d.type(),
                    d.createdAt().atOffset(ZoneOffset.UTC), now, d.prevHash(), d.hash(), d.body());
            inserted++;
            Stored stored = new Stored(id, till.tillId(), d.sequence(), d.prevHash(), d.hash());
            byId.put(id, stored);
            bySequence.put(d.sequence(), stored);
            maxSequence = Math.max(maxSequence, d.sequence());
            if (locationId != null) {
                movements.addAll(effects(verdict.lines, id, locationId, till.storeCode()));
            }
            if (verdict.cash() != CashRecords.Parsed.NONE) {
                cashRecords.add(Map.entry(id, verdict.cash()));
            }
            results.add(new DocumentResult(d.id(), Status.ACCEPTED, null));
        }
        if (inserted > 0) {
            insert.execute();
        }
        // after the documents they refer to
        for (Map.Entry<String, CashRecords.Parsed> record : cashRecords) {
            CashRecords.record(tx, record.getKey(), till, record.getValue());
        }
        List<ChangeFeed.Pending> changes = ledger.record(tx, movements, now);

        // the verified head moves along the unbroken chain as far as the documents now reach
        long head = journal.getHeadSequence();
        String headHash = journal.getHeadHash();
        while (true) {
            Stored next = bySequence.get(head + 1);
            // the numbers next to each pushed document were read above: absent there means absent
            if (next == null && !sequences.contains(head + 1)) {
                Record3<String, String, String> row = tx.select(DOCUMENT.ID, DOCUMENT.PREV_HASH, DOCUMENT.HASH).from(DOCUMENT)
                        .where(DOCUMENT.TILL_ID.eq(till.tillId()), DOCUMENT.SEQUENCE.eq(head + 1)).fetchOne();
                next = row == null ? null : new Stored(row.value1(), till.tillId(), head + 1, row.value2(), row.value3());
            }
            if (next == null || !next.prevHash().equals(headHash)) {
                break;
            }
            head++;
            headHash = next.hash();
        }
        long received = journal.getReceived() + inserted;
        tx.update(TILL_JOURNAL)
                .set(TILL_JOURNAL.RECEIVED, received)
                .set(TILL_JOURNAL.HEAD_SEQUENCE, head)
                .set(TILL_JOURNAL.HEAD_HASH, headHash)
                .set(TILL_JOURNAL.MAX_SEQUENCE, maxSequence)
                .where(TILL_JOURNAL.TILL_ID.eq(till.tillId()))
                .execute();
        feed.append(tx, changes, now);
        return new PushResponse(results, head, maxSequence - received);
    }

    private Verdict check(DSLContext tx, TillPrincipal till, PushedDocument d, Map<String, Stored> byId,
                          Map<Long, Stored> bySequence, OffsetDateTime now) {
        if (d.id() == null) {
            return Verdict.rejected("the document has no id");
        }
        if (d.type() == null || d.type().isBlank() || d.type().length() > 32) {
            return Verdict.rejected("the document type must be 1 to 32 characters");
        }
        if (d.sequence() < 1) {
            return Verdict.rejected("the journal sequence must be 1 or more, not " + d.sequence());
        }
        if (d.createdAt() == null || !Limits.instant(d.createdAt())) {
            return Verdict.rejected("createdAt must be a moment between the years 2000 and 9999");
        }
        if (d.prevHash() == null || !HEX64.matcher(d.prevHash()).matches() || d.hash() == null
                || !HEX64.matcher(d.hash()).matches()) {
            return Verdict.rejected("prevHash and hash must be 64 lower-case hex digits");
        }
        if (d.body() == null || d.body().isEmpty() || !Limits.text(d.body(), MAX_BODY) || !Limits.text(d.type(), 32)) {
            return Verdict.rejected("the document body must be 1 to " + MAX_BODY + " characters, without NUL characters");
        }
        String id = d.id().toString();
        Stored sameId = byId.get(id);
        if (sameId != null) {
            if (sameId.tillId().equals(till.tillId()) && sameId.hash().equals(d.hash())) {
                return new Verdict(Status.DUPLICATE, null, null);
            }
            flag(tx, till, d, "ID_REUSED", "document id " + id + " is already stored with different content", now);
            return Verdict.rejected("a different document with id " + id + " is already stored");
        }
        if (!hash(d.prevHash(), d.body()).equals(d.hash())) {
            flag(tx, till, d, "ALTERED", "hash does not match the body: the document was changed after it was journaled", now);
            return Verdict.rejected("the hash does not match the body: the document was changed after it was journaled");
        }
        JsonNode body;
        try {
            body = json.readTree(d.body());
        } catch (JsonProcessingException e) {
            return Verdict.rejected("the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            return Verdict.rejected("the body must be a JSON object");
        }
        if (body.hasNonNull("id") && !id.equals(body.get("id").asText())) {
            return Verdict.rejected("the body's id " + body.get("id").asText() + " is not the document id " + id);
        }
        if (body.hasNonNull("sequence") && body.get("sequence").asLong() != d.sequence()) {
            return Verdict.rejected("the body's sequence " + body.get("sequence").asText() + " is not " + d.sequence());
        }
        if (body.hasNonNull("till") && !till.tillCode().equals(body.get("till").asText())) {
            return Verdict.rejected("the document belongs to till " + body.get("till").asText()
                    + ", but this credential is till " + till.tillCode() + "'s");
        }
        Stored sameSequence = bySequence.get(d.sequence());
        if (sameSequence != null) {
            flag(tx, till, d, "SEQUENCE_REUSED", "journal number " + d.sequence() + " already holds document "
                    + sameSequence.id() + "; the till's journal forked or was rebuilt", now);
            return Verdict.rejected("journal number " + d.sequence() + " already holds another document");
        }
        Stored previous = bySequence.get(d.sequence() - 1);
        String expectedPrev = d.sequence() == 1 ? ZERO_HASH : previous == null ? null : previous.hash();
        if (expectedPrev != null && !expectedPrev.equals(d.prevHash())) {
            flag(tx, till, d, "BROKEN_CHAIN", "prevHash does not match the hash of journal number " + (d.sequence() - 1)
                    + ": an entry before it was changed, removed or reordered", now);
            return Verdict.rejected("the chain is broken: prevHash is not the hash of journal number " + (d.sequence() - 1));
        }
        Stored following = bySequence.get(d.sequence() + 1);
        if (following != null && !following.prevHash().equals(d.hash())) {
            flag(tx, till, d, "BROKEN_CHAIN", "journal number " + (d.sequence() + 1)
                    + " does not chain to this document's hash", now);
            return Verdict.rejected("the chain is broken: journal number " + (d.sequence() + 1)
                    + " at the hub does not follow from this document");
        }
        StockLines lines = stockLines(body);
        if (lines.problem() != null) {
            return Verdict.rejected(lines.problem());
        }
        CashRecords.Parsed cash = CashRecords.parse(d.type(), body);
        if (cash.problem() != null) {
            return Verdict.rejected(cash.problem());
        }
        return new Verdict(Status.ACCEPTED, null, lines.lines(), cash);
    }

    /** A sale line as the stock ledger books it: the quantity sold (negative for a return). */
    private record StockLine(String sku, BigDecimal quantity) {
    }

    /** The lines of a document to book, or why one of them cannot be booked. */
    private record StockLines(List<StockLine> lines, String problem) {
    }

    /** The lines a sale books into the stock ledger (none for other document types), checked against its columns. */
    private static StockLines stockLines(JsonNode body) {
        if (!"sale".equals(body.path("type").asText())) {
            return new StockLines(List.of(), null);
        }
        List<StockLine> lines = new ArrayList<>();
        for (JsonNode line : body.path("lines")) {
            String at = "line " + line.path("line").asText("?");
            String sku = line.path("sku").asText(null);
            String quantity = line.path("quantity").asText(null);
            if (sku == null || quantity == null) {
                return new StockLines(List.of(), at + " has no sku or quantity");
            }
            if (sku.isEmpty() || !Limits.text(sku, 64)) {
                return new StockLines(List.of(), at + ": the sku must be 1 to 64 characters without NUL");
            }
            BigDecimal q;
            try {
                q = new BigDecimal(quantity);
            } catch (NumberFormatException e) {
                return new StockLines(List.of(), at + ": quantity '" + quantity + "' is not a number");
            }
            if (!Limits.quantity(q)) {
                return new StockLines(List.of(), at + ": quantity " + quantity
                        + " does not fit the stock ledger (at most 3 decimals, below 10^16)");
            }
            lines.add(new StockLine(sku, q));
        }
        return new StockLines(lines, null);
    }

    /** Stock movements of a document: a sale line takes its quantity out, a return line (negative) puts it back. */
    private static List<StockLedger.Movement> effects(List<StockLine> lines, String documentId, String locationId,
                                                       String locationCode) {
        List<StockLedger.Movement> movements = new ArrayList<>(lines.size());
        for (StockLine line : lines) {
            if (line.quantity().signum() != 0) {
                movements.add(new StockLedger.Movement(locationId, locationCode, line.sku(), line.quantity().negate(),
                        documentId, line.quantity().signum() > 0 ? "SALE" : "RETURN"));
            }
        }
        return movements;
    }

    private void flag(DSLContext tx, TillPrincipal till, PushedDocument d, String kind, String detail, OffsetDateTime now) {
        tx.insertInto(JOURNAL_FLAG)
                .set(JOURNAL_FLAG.TILL_ID, till.tillId())
                .set(JOURNAL_FLAG.SEQUENCE, d.sequence())
                .set(JOURNAL_FLAG.DOCUMENT_ID, d.id().toString())
                .set(JOURNAL_FLAG.KIND, kind)
                .set(JOURNAL_FLAG.DETAIL, detail)
                .set(JOURNAL_FLAG.CREATED_AT, now)
                .execute();
        metrics.journalFlag();
    }

    static String hash(String prevHash, String body) {
        return JournalHash.of(prevHash, body);
    }

    private record Stored(String id, String tillId, long sequence, String prevHash, String hash) {
    }

    private record Verdict(Status status, String reason, List<StockLine> lines, CashRecords.Parsed cash) {
        Verdict(Status status, String reason, List<StockLine> lines) {
            this(status, reason, lines, CashRecords.Parsed.NONE);
        }

        static Verdict rejected(String reason) {
            return new Verdict(Status.REJECTED, reason, null);
        }
    }
}
