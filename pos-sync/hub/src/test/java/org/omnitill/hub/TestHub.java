package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.DOCUMENT;
import static org.omnitill.hub.jooq.Tables.JOURNAL_FLAG;
import static org.omnitill.hub.jooq.Tables.LOCATION;
import static org.omnitill.hub.jooq.Tables.STOCK_LEVEL;
import static org.omnitill.hub.jooq.Tables.STOCK_MOVEMENT;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.omnitill.sync.protocol.ChangeData;

/**
 * A real hub on a random port for other modules' tests (the till's sync tests): a fresh H2 or
 * PostgreSQL database, and direct admin operations plus read-only views of the hub's tables for
 * assertions. Everything a till does still goes over HTTP.
 */
public final class TestHub implements AutoCloseable {

    private final HubDatabase database;
    private final HubServer server;
    private final Admin admin;
    private final PriceBook priceBook;
    private final Promotions promotions;

    public TestHub(TestDatabases.Engine engine) {
        TestDatabases.Url url = TestDatabases.fresh(engine);
        database = HubDatabase.open(url.jdbcUrl(), url.user(), url.password());
        server = new HubServer(database, "test", new HubServer.Limits(16L * 1024 * 1024, 10_000, 10_000), Clock.systemUTC(), 1_000)
                .start("127.0.0.1", 0);
        Transactions transactions = new Transactions(database.dsl());
        ChangeFeed feed = new ChangeFeed(org.omnitill.sync.protocol.Json.newMapper());
        Enrolment enrolment = new Enrolment(database.dsl(), transactions, new Secrets(new SecureRandom()),
                new PasswordHasher(1_000, new SecureRandom()), Clock.systemUTC());
        admin = new Admin(database.dsl(), transactions, enrolment, new StockLedger(), feed, Clock.systemUTC());
        priceBook = new PriceBook(database.dsl(), transactions, feed, Clock.systemUTC());
        promotions = new Promotions(database.dsl(), transactions, feed, Clock.systemUTC());
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public void taxRates(List<ChangeData.TaxRateData> rates) {
        admin.saveTaxRates(rates);
    }

    public void store(String code, String currency) {
        admin.createStore(new Admin.StoreRequest(code, "Store " + code, currency));
    }

    /** Creates the till and returns its one-time enrolment code. */
    public String till(String store, String code) {
        return admin.createTill(store, new Admin.TillRequest(code, "Till " + code)).enrolmentCode();
    }

    public void products(List<ChangeData.ProductData> products) {
        admin.saveProducts(products);
    }

    /** A price-book entry: store or group (or neither, for all stores). */
    public record Price(String sku, String price, String effectiveFrom, String store, String group) {
    }

    public void priceGroup(String code, List<String> stores) {
        priceBook.saveGroup(new PriceBook.GroupRequest(code, "Group " + code, stores));
    }

    public void prices(List<Price> prices) {
        priceBook.addPrices(prices.stream().map(p -> new PriceBook.PriceRequest(p.sku(), new BigDecimal(p.price()),
                java.time.Instant.parse(p.effectiveFrom()), p.store(), p.group())).toList(), "test");
    }

    /** A promotion: kind PERCENT_OFF with percent, or MULTI_BUY with buyQuantity and bundlePrice; store null for all. */
    public void promotion(String code, String name, String kind, String percent, Integer buyQuantity, String bundlePrice,
                          List<String> skus, String effectiveFrom, String effectiveTo, String store) {
        promotions.save(List.of(new Promotions.PromotionRequest(code, name, kind, percent == null ? null : new BigDecimal(percent),
                buyQuantity, bundlePrice == null ? null : new BigDecimal(bundlePrice), skus, java.time.Instant.parse(effectiveFrom),
                effectiveTo == null ? null : java.time.Instant.parse(effectiveTo), store)), "test");
    }

    public void deletePromotion(String code) {
        promotions.delete(code);
    }

    public long documents() {
        return database.dsl().fetchCount(DOCUMENT);
    }

    /** On hand per SKU at a location, from the maintained levels. */
    public Map<String, BigDecimal> levels(String location) {
        return database.dsl().select(STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND).from(STOCK_LEVEL)
                .join(LOCATION).on(LOCATION.ID.eq(STOCK_LEVEL.LOCATION_ID))
                .where(LOCATION.CODE.eq(location))
                .fetchMap(STOCK_LEVEL.SKU, STOCK_LEVEL.ON_HAND);
    }

    /** On hand per SKU at a location, summed from the ledger's movements (a different query). */
    public Map<String, BigDecimal> ledgerSums(String location) {
        return database.dsl().select(STOCK_MOVEMENT.SKU, DSL.sum(STOCK_MOVEMENT.QUANTITY)).from(STOCK_MOVEMENT)
                .join(LOCATION).on(LOCATION.ID.eq(STOCK_MOVEMENT.LOCATION_ID))
                .where(LOCATION.CODE.eq(location))
                .groupBy(STOCK_MOVEMENT.SKU)
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    /** A store's Z closes as the admin API lists them (the last 7 days). */
    public List<Map<String, Object>> zCloses(String store) {
        return admin.zCloses(store, null, null);
    }

    /** Shift closes stored for a store: drawer to counted cash. */
    public Map<String, BigDecimal> countedByDrawer(String store) {
        return database.dsl().select(org.omnitill.hub.jooq.Tables.SHIFT_CLOSE.DRAWER, org.omnitill.hub.jooq.Tables.SHIFT_CLOSE.COUNTED)
                .from(org.omnitill.hub.jooq.Tables.SHIFT_CLOSE)
                .join(org.omnitill.hub.jooq.Tables.STORE).on(org.omnitill.hub.jooq.Tables.STORE.ID.eq(org.omnitill.hub.jooq.Tables.SHIFT_CLOSE.STORE_ID))
                .where(org.omnitill.hub.jooq.Tables.STORE.CODE.eq(store))
                .fetchMap(org.omnitill.hub.jooq.Tables.SHIFT_CLOSE.DRAWER, org.omnitill.hub.jooq.Tables.SHIFT_CLOSE.COUNTED);
    }

    /** The kinds of the journal flags raised for all tills, oldest first. */
    public List<String> journalFlags() {
        return database.dsl().select(JOURNAL_FLAG.KIND).from(JOURNAL_FLAG).orderBy(JOURNAL_FLAG.ID).fetch(JOURNAL_FLAG.KIND);
    }

    /** Stops answering (the till sees connection refused) without losing the database. */
    public void stopServer() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
