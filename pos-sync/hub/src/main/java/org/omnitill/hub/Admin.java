package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.JOURNAL_FLAG;
import static org.omnitill.hub.jooq.Tables.LOCATION;
import static org.omnitill.hub.jooq.Tables.PRODUCT;
import static org.omnitill.hub.jooq.Tables.STOCK_OPERATION;
import static org.omnitill.hub.jooq.Tables.STORE;
import static org.omnitill.hub.jooq.Tables.TAX_RATE;
import static org.omnitill.hub.jooq.Tables.TILL;
import static org.omnitill.hub.jooq.Tables.TILL_JOURNAL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.omnitill.sync.protocol.ChangeData;

/**
 * What the admin API does: stores, locations and tills; the catalog and tax rates; stock
 * adjustments and transfers; each till's journal as verified. Every change that tills should see
 * goes into the change feed in the same transaction.
 */
final class Admin {

    record StoreRequest(String code, String name, String currency) {
    }

    record StoreView(String id, String code, String name, String currency, String location) {
    }

    record LocationRequest(String code, String name, String kind) {
    }

    record TillRequest(String code, String name) {
    }

    record TillCreated(String tillId, String storeCode, String tillCode, String enrolmentCode, OffsetDateTime expiresAt) {
    }

    record Adjustment(String id, String location, String sku, BigDecimal quantity, String note) {
    }

    record Transfer(String id, String from, String to, String sku, BigDecimal quantity, String note) {
    }

    record OperationResult(String id, String status) {
    }

    record JournalFlagView(long sequence, String documentId, String kind, String detail, OffsetDateTime at) {
    }

    record JournalView(String tillId, String tillCode, long headSequence, long maxSequence, long missing,
                       List<JournalFlagView> flags) {
    }

    private static final String CODE = "[A-Za-z0-9_-]{1,32}";

    private final DSLContext dsl;
    private final Transactions transactions;
    private final Enrolment enrolment;
    private final StockLedger ledger;
    private final ChangeFeed feed;
    private final Clock clock;

    Admin(DSLContext dsl, Transactions transactions, Enrolment enrolment, StockLedger ledger, ChangeFeed feed, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.enrolment = enrolment;
        this.ledger = ledger;
        this.feed = feed;
        this.clock = clock;
    }

    StoreView createStore(StoreRequest request) {
        require(request != null, "send {\"code\", \"name\", \"currency\"}");
        require(request.code() != null && request.code().matches(CODE), "a store code is 1 to 32 letters, digits, _ or -");
        require(request.name() != null && !request.name().isBlank() && request.name().length() <= 200,
                "a store needs a name of 1 to 200 characters");
        require(request.currency() != null && isCurrency(request.currency()),
                "currency must be an ISO 4217 code such as EUR, not " + request.currency());
        return transactions.run(tx -> {
            if (tx.fetchExists(STORE, STORE.CODE.eq(request.code()))
                    || tx.fetchExists(LOCATION, LOCATION.CODE.eq(request.code()))) {
                throw ApiException.conflict("there is already a store or location " + request.code());
            }
            String storeId = UUID.randomUUID().toString();
            tx.insertInto(STORE).set(STORE.ID, storeId).set(STORE.CODE, request.code()).set(STORE.NAME, request.name().strip())
                    .set(STORE.CURRENCY, request.currency()).set(STORE.CREATED_AT, now()).execute();
            String locationId = UUID.randomUUID().toString();
            tx.insertInto(LOCATION).set(LOCATION.ID, locationId).set(LOCATION.CODE, request.code())
                    .set(LOCATION.NAME, request.name().strip()).set(LOCATION.KIND, "STORE").set(LOCATION.STORE_ID, storeId)
                    .execute();
            feed.append(tx, List.of(new ChangeFeed.Pending(null, request.code(),
                    new ChangeData.LocationData(request.code(), request.name().strip(), "STORE", request.code()))), now());
            return new StoreView(storeId, request.code(), request.name().strip(), request.currency(), request.code());
        });
    }

    List<StoreView> stores() {
        return dsl.select(STORE.ID, STORE.CODE, STORE.NAME, STORE.CURRENCY).from(STORE).orderBy(STORE.CODE)
                .fetch(r -> new StoreView(r.value1(), r.value2(), r.value3(), r.value4(), r.value2()));
    }

    /**
     * The Z closes of a store's tills from {@code from} (default: 7 days ago) to {@code to} (default:
     * now), as ISO-8601 moments.
     */
    List<java.util.Map<String, Object>> zCloses(String storeCode, String from, String to) {
        boolean known = dsl.fetchExists(dsl.selectFrom(STORE).where(STORE.CODE.eq(storeCode)));
        if (!known) {
            throw ApiException.notFound("no store " + storeCode);
        }
        java.time.Instant end = moment(to, "to", clock.instant());
        java.time.Instant start = moment(from, "from", end.minus(java.time.Duration.ofDays(7)));
        require(start.isBefore(end), "from must be before to");
        return CashRecords.zCloses(dsl, storeCode, start, end);
    }

    private static java.time.Instant moment(String text, String name, java.time.Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            java.time.Instant at = java.time.Instant.parse(text.strip());
            require(Limits.instant(at), name + " must be between the years 2000 and 9999");
            return at;
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 moment such as 2026-11-22T00:00:00Z");
        }
    }

    ChangeData.LocationData createLocation(LocationRequest request) {
        require(request != null, "send {\"code\", \"name\", \"kind\"}");
        require(request.code() != null && request.code().matches(CODE), "a location code is 1 to 32 letters, digits, _ or -");
        require(request.name() != null && !request.name().isBlank() && request.name().length() <= 200,
                "a location needs a name of 1 to 200 characters");
        require("WAREHOUSE".equals(request.kind()) || "ONLINE".equals(request.kind()),
                "kind is WAREHOUSE or ONLINE (a store's own location comes with the store)");
        return transactions.run(tx -> {
            if (tx.fetchExists(LOCATION, LOCATION.CODE.eq(request.code()))) {
                throw ApiException.conflict("there is already a location " + request.code());
            }
            tx.insertInto(LOCATION).set(LOCATION.ID, UUID.randomUUID().toString()).set(LOCATION.CODE, request.code())
                    .set(LOCATION.NAME, request.name().strip()).set(LOCATION.KIND, request.kind()).execute();
            ChangeData.LocationData data = new ChangeData.LocationData(request.code(), request.name().strip(), request.kind(), null);
            feed.append(tx, List.of(new ChangeFeed.Pending(null, request.code(), data)), now());
            return data;
        });
    }

    TillCreated createTill(String storeCode, TillRequest request) {
        require(request != null, "send {\"code\", \"name\"}");
        require(request.code() != null && request.code().matches("[A-Za-z0-9]{1,8}"), "a till code is 1 to 8 letters or digits");
        String storeId = dsl.select(STORE.ID).from(STORE).where(STORE.CODE.eq(storeCode)).fetchOne(STORE.ID);
        if (storeId == null) {
            throw ApiException.notFound("there is no store " + storeCode);
        }
        if (dsl.fetchExists(TILL, TILL.STORE_ID.eq(storeId), TILL.CODE.eq(request.code()))) {
            throw ApiException.conflict("store " + storeCode + " already has a till " + request.code());
        }
        String tillId = UUID.randomUUID().toString();
        String name = request.name() == null || request.name().isBlank() ? request.code() : request.name().strip();
        require(Limits.text(name, 200), "a till's name is at most 200 characters");
        try {
            dsl.insertInto(TILL).set(TILL.ID, tillId).set(TILL.STORE_ID, storeId).set(TILL.CODE, request.code())
                    .set(TILL.NAME, name).set(TILL.CREATED_AT, now()).execute();
        } catch (org.jooq.exception.DataAccessException e) {
            if (Transactions.retryable(e)) { // the unique key: the same till created at the same moment
                throw ApiException.conflict("store " + storeCode + " already has a till " + request.code());
            }
            throw e;
        }
        Enrolment.Code code = enrolment.newCode(tillId);
        return new TillCreated(tillId, storeCode, request.code(), code.code(), code.expiresAt());
    }

    record TillView(String tillId, String code, String name, boolean enrolled) {
    }

    List<TillView> tills(String storeCode) {
        String storeId = dsl.select(STORE.ID).from(STORE).where(STORE.CODE.eq(storeCode)).fetchOne(STORE.ID);
        if (storeId == null) {
            throw ApiException.notFound("there is no store " + storeCode);
        }
        return dsl.select(TILL.ID, TILL.CODE, TILL.NAME, TILL.TOKEN_HASH).from(TILL).where(TILL.STORE_ID.eq(storeId))
                .orderBy(TILL.CODE)
                .fetch(r -> new TillView(r.value1(), r.value2(), r.value3(), r.value4() != null));
    }

    TillCreated newEnrolmentCode(String tillId) {
        Record till = dsl.select(TILL.CODE, STORE.CODE).from(TILL).join(STORE).on(STORE.ID.eq(TILL.STORE_ID))
                .where(TILL.ID.eq(tillId)).fetchOne();
        if (till == null) {
            throw ApiException.notFound("there is no till " + tillId);
        }
        Enrolment.Code code = enrolment.newCode(tillId);
        return new TillCreated(tillId, till.get(STORE.CODE), till.get(TILL.CODE), code.code(), code.expiresAt());
    }

    JournalView journal(String tillId) {
        Record row = dsl.select(TILL.CODE, TILL_JOURNAL.HEAD_SEQUENCE, TILL_JOURNAL.MAX_SEQUENCE, TILL_JOURNAL.RECEIVED)
                .from(TILL).leftJoin(TILL_JOURNAL).on(TILL_JOURNAL.TILL_ID.eq(TILL.ID))
                .where(TILL.ID.eq(tillId)).fetchOne();
        if (row == null) {
            throw ApiException.notFound("there is no till " + tillId);
        }
        long head = row.get(TILL_JOURNAL.HEAD_SEQUENCE) == null ? 0 : row.get(TILL_JOURNAL.HEAD_SEQUENCE);
        long max = row.get(TILL_JOURNAL.MAX_SEQUENCE) == null ? 0 : row.get(TILL_JOURNAL.MAX_SEQUENCE);
        long received = row.get(TILL_JOURNAL.RECEIVED) == null ? 0 : row.get(TILL_JOURNAL.RECEIVED);
        List<JournalFlagView> flags = dsl.select(JOURNAL_FLAG.SEQUENCE, JOURNAL_FLAG.DOCUMENT_ID, JOURNAL_FLAG.KIND,
                        JOURNAL_FLAG.DETAIL, JOURNAL_FLAG.CREATED_AT)
                .from(JOURNAL_FLAG).where(JOURNAL_FLAG.TILL_ID.eq(tillId)).orderBy(JOURNAL_FLAG.ID).limit(1000)
                .fetch(r -> new JournalFlagView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        return new JournalView(tillId, row.get(TILL.CODE), head, max, max - received, flags);
    }

    List<ChangeData.TaxRateData> saveTaxRates(List<ChangeData.TaxRateData> rates) {
        require(rates != null && !rates.isEmpty() && rates.size() <= 100, "send a list of 1 to 100 tax rates");
        for (ChangeData.TaxRateData rate : rates) {
            require(rate != null && rate.code() != null && rate.code().matches("[A-Z0-9_]{1,16}"),
                    "a tax code is 1 to 16 capital letters, digits or _");
            require(rate.name() != null && !rate.name().isBlank() && rate.name().length() <= 64, "tax rate " + rate.code()
                    + " needs a name of 1 to 64 characters");
            require(rate.percent() != null && rate.percent().signum() >= 0 && rate.percent().compareTo(BigDecimal.valueOf(100)) < 0
                    && rate.percent().scale() <= 4, "tax rate " + rate.code() + ": percent must be 0 to 99.9999");
        }
        return transactions.run(tx -> {
            List<ChangeFeed.Pending> changes = new ArrayList<>();
            for (ChangeData.TaxRateData rate : rates) {
                tx.insertInto(TAX_RATE, TAX_RATE.CODE, TAX_RATE.NAME, TAX_RATE.RATE_PERCENT)
                        .values(rate.code(), rate.name(), rate.percent())
                        .onConflict(TAX_RATE.CODE).doUpdate()
                        .set(TAX_RATE.NAME, rate.name()).set(TAX_RATE.RATE_PERCENT, rate.percent())
                        .execute();
                changes.add(new ChangeFeed.Pending(null, rate.code(), rate));
            }
            feed.append(tx, changes, now());
            return rates;
        });
    }

    /** Inserts or replaces products by SKU; all or nothing, every problem reported. */
    int saveProducts(List<ChangeData.ProductData> products) {
        require(products != null && !products.isEmpty() && products.size() <= 10_000, "send a list of 1 to 10,000 products");
        Set<String> taxCodes = new HashSet<>(dsl.select(TAX_RATE.CODE).from(TAX_RATE).fetch(TAX_RATE.CODE));
        List<String> problems = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            ChangeData.ProductData p = products.get(i);
            String at = "product " + (i + 1);
            if (p == null) {
                problems.add(at + ": empty");
                continue;
            }
            if (p.sku() == null || p.sku().isBlank() || p.sku().length() > 64) {
                problems.add(at + ": sku must be 1 to 64 characters");
            } else if (!skus.add(p.sku())) {
                problems.add(at + ": sku " + p.sku() + " appears twice");
            }
            if (p.name() == null || p.name().isBlank() || p.name().length() > 200) {
                problems.add(at + ": name must be 1 to 200 characters");
            }
            if (!Limits.money(p.price())) {
                problems.add(at + ": price must be 0 to 999,999,999,999,999 with at most 4 decimals");
            }
            if (p.category() != null && !Limits.text(p.category(), 128)) {
                problems.add(at + ": category must be at most 128 characters");
            }
            if (p.barcodes() != null && String.join("|", p.barcodes()).length() > 1000) {
                problems.add(at + ": too many barcodes (at most 1,000 characters joined by |)");
            }
            if ((p.sku() != null && !Limits.text(p.sku(), 64)) || (p.name() != null && !Limits.text(p.name(), 200))) {
                problems.add(at + ": sku and name must not contain NUL characters");
            }
            if (p.taxCode() == null || !taxCodes.contains(p.taxCode())) {
                problems.add(at + ": tax code " + p.taxCode() + " is not defined (define it under tax-rates first)");
            }
            if (!"each".equals(p.unit()) && !"kg".equals(p.unit())) {
                problems.add(at + ": unit must be each or kg");
            }
            if (p.barcodes() != null) {
                for (String barcode : p.barcodes()) {
                    if (barcode == null || !barcode.matches("[0-9]{8}|[0-9]{12,14}")) {
                        problems.add(at + ": barcode " + barcode + " is not 8, 12, 13 or 14 digits");
                    }
                }
            }
            if (problems.size() >= 100) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.nothingSaved(problems);
        }
        return transactions.run(tx -> writeProducts(tx, products));
    }

    /** The catalog CSV in the till's format, all or nothing. */
    record CsvImported(int saved, List<String> warnings) {
    }

    CsvImported importCsv(byte[] csv) {
        Set<String> taxCodes = new HashSet<>(dsl.select(TAX_RATE.CODE).from(TAX_RATE).fetch(TAX_RATE.CODE));
        CatalogCsvImport.Result result = new CatalogCsvImport(taxCodes).read(csv);
        if (!result.errors().isEmpty()) {
            throw ApiException.badRequest("nothing was imported: " + String.join("; ", result.errors()));
        }
        if (result.products().isEmpty()) {
            throw ApiException.badRequest("the file has a header but no products");
        }
        int saved = transactions.run(tx -> {
            int n = 0;
            // slices keep each statement batch and feed append a sensible size; one transaction holds them all
            for (int from = 0; from < result.products().size(); from += 5_000) {
                n += writeProducts(tx, result.products().subList(from, Math.min(result.products().size(), from + 5_000)));
            }
            return n;
        });
        return new CsvImported(saved, result.warnings());
    }

    private int writeProducts(DSLContext tx, List<ChangeData.ProductData> products) {
        {
            List<ChangeFeed.Pending> changes = new ArrayList<>(products.size());
            OffsetDateTime now = now();
            for (ChangeData.ProductData p : products) {
                List<String> barcodes = p.barcodes() == null ? List.of() : p.barcodes();
                tx.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.PRICE, PRODUCT.TAX_CODE, PRODUCT.CATEGORY,
                                PRODUCT.UNIT, PRODUCT.BARCODES, PRODUCT.ACTIVE, PRODUCT.UPDATED_AT)
                        .values(p.sku(), p.name(), p.price(), p.taxCode(), p.category(), p.unit(), String.join("|", barcodes),
                                p.active(), now)
                        .onConflict(PRODUCT.SKU).doUpdate()
                        .set(PRODUCT.NAME, p.name()).set(PRODUCT.PRICE, p.price()).set(PRODUCT.TAX_CODE, p.taxCode())
                        .set(PRODUCT.CATEGORY, p.category()).set(PRODUCT.UNIT, p.unit())
                        .set(PRODUCT.BARCODES, String.join("|", barcodes)).set(PRODUCT.ACTIVE, p.active())
                        .set(PRODUCT.UPDATED_AT, now)
                        .execute();
                changes.add(new ChangeFeed.Pending(null, p.sku(), new ChangeData.ProductData(p.sku(), p.name(), p.price(),
                        p.taxCode(), p.category(), p.unit(), barcodes, p.active())));
            }
            feed.append(tx, changes, now);
            return products.size();
        }
    }

    OperationResult adjust(Adjustment request, String adminUser) {
        return adjustAll(java.util.Collections.singletonList(request), adminUser).get(0);
    }

    /** Several adjustments (a stock count, a delivery) in one transaction: all valid or none applied. */
    List<OperationResult> adjustAll(List<Adjustment> requests, String adminUser) {
        require(requests != null && !requests.isEmpty() && requests.size() <= 10_000, "send 1 to 10,000 adjustments");
        Set<String> ids = new HashSet<>();
        for (Adjustment request : requests) {
            require(request != null, "send {\"id\", \"location\", \"sku\", \"quantity\", \"note\"}");
            requireOperation(request.id(), request.sku(), request.quantity(), request.note());
            require(ids.add(request.id()), "adjustment id " + request.id() + " appears twice");
        }
        return transactions.run(tx -> {
            Set<String> done = new HashSet<>(tx.select(STOCK_OPERATION.ID).from(STOCK_OPERATION)
                    .where(STOCK_OPERATION.ID.in(ids)).fetch(STOCK_OPERATION.ID));
            Map<String, String> locations = new java.util.HashMap<>();
            List<StockLedger.Movement> movements = new ArrayList<>();
            List<OperationResult> results = new ArrayList<>();
            OffsetDateTime now = now();
            for (Adjustment request : requests) {
                if (done.contains(request.id())) {
                    results.add(new OperationResult(request.id(), "duplicate"));
                    continue;
                }
                String locationId = locations.computeIfAbsent(request.location(), code -> locationId(tx, code));
                tx.insertInto(STOCK_OPERATION).set(STOCK_OPERATION.ID, request.id()).set(STOCK_OPERATION.KIND, "ADJUSTMENT")
                        .set(STOCK_OPERATION.NOTE, request.note()).set(STOCK_OPERATION.MADE_BY, adminUser)
                        .set(STOCK_OPERATION.CREATED_AT, now).execute();
                movements.add(new StockLedger.Movement(locationId, request.location(), request.sku(), request.quantity(),
                        request.id(), "ADJUSTMENT"));
                results.add(new OperationResult(request.id(), "accepted"));
            }
            feed.append(tx, ledger.record(tx, movements, now), now);
            return results;
        });
    }

    OperationResult transfer(Transfer request, String adminUser) {
        require(request != null, "send {\"id\", \"from\", \"to\", \"sku\", \"quantity\", \"note\"}");
        requireOperation(request.id(), request.sku(), request.quantity(), request.note());
        require(request.quantity().signum() > 0, "a transfer moves a positive quantity");
        require(request.from() != null && !request.from().equals(request.to()), "a transfer goes between two different locations");
        return transactions.run(tx -> {
            if (tx.fetchExists(STOCK_OPERATION, STOCK_OPERATION.ID.eq(request.id()))) {
                return new OperationResult(request.id(), "duplicate");
            }
            String from = locationId(tx, request.from());
            String to = locationId(tx, request.to());
            tx.insertInto(STOCK_OPERATION).set(STOCK_OPERATION.ID, request.id()).set(STOCK_OPERATION.KIND, "TRANSFER")
                    .set(STOCK_OPERATION.NOTE, request.note()).set(STOCK_OPERATION.MADE_BY, adminUser)
                    .set(STOCK_OPERATION.CREATED_AT, now()).execute();
            feed.append(tx, ledger.record(tx, List.of(
                    new StockLedger.Movement(from, request.from(), request.sku(), request.quantity().negate(), request.id(), "TRANSFER_OUT"),
                    new StockLedger.Movement(to, request.to(), request.sku(), request.quantity(), request.id(), "TRANSFER_IN")),
                    now()), now());
            return new OperationResult(request.id(), "accepted");
        });
    }

    List<ChangeData.StockLevelData> stock(String location, String sku) {
        return StockLedger.levels(dsl, location, sku);
    }

    private static void requireOperation(String id, String sku, BigDecimal quantity, String note) {
        require(id != null && id.length() >= 8 && id.length() <= 36, "id must be 8 to 36 characters (a UUID you choose: "
                + "sending the same id again does nothing)");
        require(sku != null && !sku.isBlank() && sku.length() <= 64, "sku must be 1 to 64 characters");
        require(quantity != null && quantity.signum() != 0 && Limits.quantity(quantity),
                "quantity must be non-zero with at most 3 decimals, below 10^16");
        require(note != null && !note.isBlank() && Limits.text(note, 500), "say why in a note of 1 to 500 characters");
        require(Limits.text(sku, 64) && Limits.text(id, 36), "id and sku must not contain NUL characters");
    }

    private static String locationId(DSLContext tx, String code) {
        String id = code == null ? null : tx.select(LOCATION.ID).from(LOCATION).where(LOCATION.CODE.eq(code)).fetchOne(LOCATION.ID);
        if (id == null) {
            throw ApiException.badRequest("there is no location " + code);
        }
        return id;
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw ApiException.badRequest(message);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
