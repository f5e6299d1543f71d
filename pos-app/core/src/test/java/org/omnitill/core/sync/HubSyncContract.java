package org.omnitill.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.tender.Tender;
import org.omnitill.hub.TestDatabases;
import org.omnitill.hub.TestHub;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.protocol.ChangeData;

/**
 * The till's sync against a real hub over HTTP, with faults in between: run on H2 and on
 * PostgreSQL hubs by the subclasses. The till is the demo till (its catalog and staff).
 */
abstract class HubSyncContract {

    static final String EGGS = "8414850557430";
    static final String TOMATOES = "8438438405715";
    static final SyncService.Options FAST = new SyncService.Options(Duration.ofMillis(200), Duration.ofSeconds(3), 2, 1_000);

    @TempDir
    Path dir;
    TestHub hub;
    FaultyProxy proxy;
    Till till;
    SyncService sync;
    StaffMember cashier;

    abstract TestDatabases.Engine engine();

    @BeforeEach
    void hubAndTill() throws Exception {
        hub = new TestHub(engine());
        hub.taxRates(List.of(new ChangeData.TaxRateData("STD", "Standard", new BigDecimal("21")),
                new ChangeData.TaxRateData("RED", "Reduced", new BigDecimal("10"))));
        hub.store("S1", "EUR");
        hub.store("S2", "EUR");
        proxy = new FaultyProxy(hub.port());
        till = Till.open(new DataDirectory(dir.resolve("till")), true, new PinHasher(1_000, new SecureRandom()));
        cashier = till.logins().activeStaff().get(0);
        // batches of 2: several pushes per round, so faults can land between batches
        sync = new SyncService(till.store(), till.settings().tillCode(), proxy.url(), FAST, Clock.systemUTC(), rates -> { });
    }

    @AfterEach
    void close() throws Exception {
        sync.close();
        till.close();
        proxy.close();
        hub.close();
    }

    @Test
    void salesReachTheHubOnceAndBothSidesAgreeOnStock() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        sellForCash(EGGS, 2);
        sellForCash(TOMATOES, 3);
        sellForCash(EGGS, 1);

        SyncStatus status = sync.syncOnce();

        assertThat(status.state()).isEqualTo(SyncStatus.State.ONLINE);
        assertThat(status.waiting()).isZero();
        assertThat(hub.documents()).isEqualTo(3);
        assertStockAgreesOnBothSides();
        String eggs = product(EGGS).sku();
        assertThat(hub.levels("S1").get(eggs)).isEqualByComparingTo("-3");
        assertThat(till.store().session().sync().stockLevels(eggs)).singleElement()
                .satisfies(level -> assertThat(level.onHand()).isEqualByComparingTo("-3"));
    }

    @Test
    void shiftAndZClosesReachTheHubForCentralReporting() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        StaffMember manager = till.logins().activeStaff().stream()
                .filter(s -> s.role() == org.omnitill.core.staff.Role.MANAGER).findFirst().orElseThrow();
        var office = till.cashOffice();
        office.openShift(manager, org.omnitill.core.cash.CashCount.parse(office.denominations(),
                java.util.Map.of(new BigDecimal("10"), "2")));
        Sale sale = till.sales().newSale(manager);
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        till.sales().complete(sale);
        var check = office.check(manager, org.omnitill.core.cash.CashCount.parse(office.denominations(), java.util.Map.of(
                new BigDecimal("10"), "2", new BigDecimal("2"), "1", new BigDecimal("1"), "1", new BigDecimal("0.20"), "1",
                new BigDecimal("0.05"), "1", new BigDecimal("0.02"), "2")));
        office.close(manager, check, null, null);
        var z = till.dayClose().close(manager, null);

        SyncStatus status = sync.syncOnce();

        assertThat(status.waiting()).isZero();
        assertThat(hub.journalFlags()).isEmpty();
        assertThat(hub.countedByDrawer("S1")).containsOnlyKeys("TILL");
        assertThat(hub.countedByDrawer("S1").get("TILL")).isEqualByComparingTo("23.29");
        assertThat(hub.zCloses("S1")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("till", "T01").containsEntry("z", 1L).containsEntry("sales", 1L)
                    .containsEntry("periodTotal", "3.29").containsEntry("unsentDocuments", 3L); // shift open, sale, shift close
            assertThat(row.get("grandTotal")).isEqualTo(z.grandTotal().stripTrailingZeros().toPlainString());
        });
        assertThat(hub.zCloses("S2")).isEmpty();
    }

    @Test
    void aResponseLostAfterTheHubCommittedIsResentAndCountedOnce() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        sellForCash(EGGS, 1);
        sellForCash(TOMATOES, 2);
        sellForCash(EGGS, 4);

        proxy.mode(FaultyProxy.Mode.LOSE_RESPONSES);
        SyncStatus lost = sync.syncOnce();
        long storedMeanwhile = hub.documents();
        proxy.mode(FaultyProxy.Mode.PASS);
        SyncStatus resent = sync.syncOnce();

        assertThat(lost.state()).isEqualTo(SyncStatus.State.OFFLINE);
        assertThat(lost.waiting()).isEqualTo(3); // nothing deleted without an answer
        assertThat(proxy.lostResponses()).isPositive();
        assertThat(storedMeanwhile).isEqualTo(2); // the hub committed the first batch of two
        assertThat(resent.state()).isEqualTo(SyncStatus.State.ONLINE);
        assertThat(resent.waiting()).isZero();
        assertThat(hub.documents()).isEqualTo(3);
        assertStockAgreesOnBothSides();
    }

    @Test
    void resetConnectionsAndADownHubLoseNothingAndNeverStopTheCounter() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        proxy.mode(FaultyProxy.Mode.RESET);
        List<CompletedSale> sold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sold.add(sellForCash(i % 2 == 0 ? EGGS : TOMATOES, i + 1));
            assertThat(sync.syncOnce().state()).isEqualTo(SyncStatus.State.OFFLINE);
        }
        assertThat(sync.status().waiting()).isEqualTo(5);
        assertThat(sync.status().problem()).contains("not reachable");

        proxy.mode(FaultyProxy.Mode.PASS);
        SyncStatus back = sync.syncOnce();

        assertThat(sold).hasSize(5);
        assertThat(back.state()).isEqualTo(SyncStatus.State.ONLINE);
        assertThat(hub.documents()).isEqualTo(5);
        assertStockAgreesOnBothSides();
    }

    @Test
    void theBackgroundServiceSendsAfterAnOutageOnItsOwn() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        proxy.mode(FaultyProxy.Mode.RESET);
        sync.start();
        sellForCash(EGGS, 1);
        sellForCash(EGGS, 1);
        sync.wake();
        waitFor(() -> sync.status().state() == SyncStatus.State.OFFLINE);

        proxy.mode(FaultyProxy.Mode.PASS);
        sync.wake();
        waitFor(() -> sync.status().state() == SyncStatus.State.ONLINE && sync.status().waiting() == 0);

        assertThat(hub.documents()).isEqualTo(2);

        // and it keeps polling on its own: a sale rung up without a wake reaches the hub by the interval
        Sale sale = till.sales().newSale(cashier);
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        till.sales().complete(sale);
        waitFor(() -> hub.documents() == 3);
    }

    @Test
    void aJournalEditedAfterTheFactIsCaughtByTheHubAndKeptAtTheTill() throws Exception {
        sync.enrol(hub.till("S1", "T01"));
        sellForCash(EGGS, 1);
        sellForCash(EGGS, 6);
        // someone lowers the quantity of the second sale in the till's own database
        try (Connection c = tillDatabase();
             PreparedStatement edit = c.prepareStatement(
                     "UPDATE journal_entry SET body = REPLACE(body, '\"quantity\":\"6\"', '\"quantity\":\"1\"') WHERE sequence = 2")) {
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }

        SyncStatus status = sync.syncOnce();

        assertThat(hub.documents()).isEqualTo(1);
        assertThat(hub.journalFlags()).containsExactly("ALTERED");
        assertThat(status.refused()).isEqualTo(1);
        assertThat(status.waiting()).isZero();
        assertThat(till.store().session().outbox().pending()).isEqualTo(1); // kept, marked, for staff
    }

    @Test
    void aFreshTillBootstrapsTheCatalogThroughTheFeedPageByPage() throws Exception {
        List<ChangeData.ProductData> products = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            products.add(new ChangeData.ProductData("HUB-" + i, "Hub product " + i, new BigDecimal("1.25"), i % 2 == 0 ? "STD" : "RED",
                    "Hub", "each", List.of(ean13(i)), true));
        }
        hub.products(products.subList(0, 1_000));
        hub.products(products.subList(1_000, 2_500));
        hub.products(List.of(new ChangeData.ProductData("HUB-7", "Hub product 7 (withdrawn)", new BigDecimal("1.25"), "RED",
                "Hub", "each", List.of(ean13(7)), false)));
        String code = hub.till("S2", "T01");
        try (TillStore fresh = TillStore.openInMemory("fresh-" + System.nanoTime(), Currency.getInstance("EUR"));
             SyncService freshSync = new SyncService(fresh, "T01", hub.url(),
                     new SyncService.Options(Duration.ofSeconds(5), Duration.ofSeconds(10), 200, 1_000), Clock.systemUTC(), r -> { })) {
            freshSync.enrol(code);

            SyncStatus status = freshSync.syncOnce();

            assertThat(status.state()).isEqualTo(SyncStatus.State.ONLINE);
            assertThat(fresh.session().catalog().productCount()).isEqualTo(2_499);
            Product p = fresh.session().catalog().findByBarcode(ean13(2_499)).orElseThrow();
            assertThat(p.sku()).isEqualTo("HUB-2499");
            assertThat(p.price().amount()).isEqualByComparingTo("1.25");
            assertThat(fresh.session().catalog().findByBarcode(ean13(7))).isEmpty();
            assertThat(fresh.session().sync().feedCursor()).isPositive();
            // nothing new: a second round applies nothing and keeps the cursor
            long cursor = fresh.session().sync().feedCursor();
            freshSync.syncOnce();
            assertThat(fresh.session().sync().feedCursor()).isEqualTo(cursor);
        }
    }

    @Test
    void priceBookEntriesComeIntoForceAtTheirMomentAlsoOffline() throws Exception {
        String eggs = product(EGGS).sku();
        hub.products(List.of(new ChangeData.ProductData(eggs, "Eggs", new BigDecimal("3.29"), "RED", "Dairy", "each",
                List.of(EGGS), true)));
        hub.priceGroup("SOUTH", List.of("S1"));
        hub.prices(List.of(
                new org.omnitill.hub.TestHub.Price(eggs, "2.99", "2026-12-01T00:00:00Z", null, null),
                new org.omnitill.hub.TestHub.Price(eggs, "2.79", "2026-12-01T00:00:00Z", null, "SOUTH"),
                new org.omnitill.hub.TestHub.Price(eggs, "2.49", "2026-12-05T09:00:00Z", "S1", null),
                new org.omnitill.hub.TestHub.Price(eggs, "2.19", "2026-12-06T00:00:00Z", null, null)));
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-30T12:00:00Z"));
        try (SyncService timed = new SyncService(till.store(), till.settings().tillCode(), proxy.url(), FAST, clock, r -> { })) {
            timed.enrol(hub.till("S1", "T01"));
            assertThat(timed.syncOnce().state()).isEqualTo(SyncStatus.State.ONLINE);
            assertThat(price(EGGS)).isEqualByComparingTo("3.29"); // nothing in force yet

            clock.set("2026-12-01T00:00:01Z");
            proxy.mode(FaultyProxy.Mode.RESET); // the hub is gone: the price changes anyway
            assertThat(timed.syncOnce().state()).isEqualTo(SyncStatus.State.OFFLINE);
            assertThat(price(EGGS)).isEqualByComparingTo("2.79"); // the group's beats all stores'

            clock.set("2026-12-05T09:00:00Z");
            timed.syncOnce();
            assertThat(price(EGGS)).isEqualByComparingTo("2.49"); // the store's own beats the group's

            clock.set("2026-12-07T00:00:00Z");
            timed.syncOnce();
            assertThat(price(EGGS)).isEqualByComparingTo("2.49"); // a later all-stores price does not override it

            proxy.mode(FaultyProxy.Mode.PASS);
            hub.products(List.of(new ChangeData.ProductData(eggs, "Eggs", new BigDecimal("3.49"), "RED", "Dairy", "each",
                    List.of(EGGS), true)));
            timed.syncOnce();
            assertThat(price(EGGS)).isEqualByComparingTo("2.49"); // a new base price leaves the book in force
        }
    }

    @Test
    void promotionsReachTheTillsOfTheirStoresAndApplyToSalesThere() throws Exception {
        String eggs = product(EGGS).sku();
        String tomatoes = product(TOMATOES).sku();
        hub.products(List.of(
                new ChangeData.ProductData(eggs, "Eggs", new BigDecimal("3.29"), "RED", "Dairy", "each", List.of(EGGS), true),
                new ChangeData.ProductData(tomatoes, "Tomatoes", new BigDecimal("1.39"), "RED", "Fruit", "each",
                        List.of(TOMATOES), true)));
        hub.promotion("EGGS20", "Eggs -20 %", "PERCENT_OFF", "20", null, null, List.of(eggs), "2026-01-01T00:00:00Z", null, "S1");
        hub.promotion("TOM3", "Tomatoes 3 for 3.00", "MULTI_BUY", null, 3, "3.00", List.of(tomatoes),
                "2026-01-01T00:00:00Z", null, null);
        hub.promotion("OTHER", "Only at S2", "PERCENT_OFF", "50", null, null, List.of(tomatoes), "2026-01-01T00:00:00Z",
                null, "S2");
        sync.enrol(hub.till("S1", "T01"));
        assertThat(sync.syncOnce().state()).isEqualTo(SyncStatus.State.ONLINE);

        Sale sale = till.sales().newSale(cashier);
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.add(product(TOMATOES), new BigDecimal("3"));
        assertThat(sale.totals().lines()).extracting(l -> l.promotion() == null ? null : l.promotion().code())
                .containsExactly("EGGS20", "TOM3"); // not S2's 50 %
        assertThat(sale.totals().total().amount()).isEqualByComparingTo("5.63"); // 3.29 - 0.66 + 3.00
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        CompletedSale done = till.sales().complete(sale);
        assertThat(till.sales().findReceipt(done.receiptNumber())).isPresent();
        String body = till.store().session().sales().documentOf(done.receiptNumber()).orElseThrow();
        assertThat(body).contains("\"promotion\":{\"code\":\"EGGS20\"", "Tomatoes 3 for 3.00");
        String printed = new org.omnitill.core.receipt.ReceiptTextRenderer(42).render(
                org.omnitill.core.receipt.Receipt.of(done, till.settings(), java.util.Locale.UK));
        assertThat(printed).contains("Eggs -20 %                        -€0.66", "Tomatoes 3 for 3.00               -€1.17");

        // withdrawn at the hub: the next sale is at shelf price
        hub.deletePromotion("EGGS20");
        sync.syncOnce();
        Sale after = till.sales().newSale(cashier);
        after.add(product(EGGS), BigDecimal.ONE);
        assertThat(after.totals().total().amount()).isEqualByComparingTo("3.29");
    }

    private BigDecimal price(String barcode) {
        return product(barcode).price().amount();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile java.time.Instant now;

        MutableClock(java.time.Instant now) {
            this.now = now;
        }

        void set(String instant) {
            now = java.time.Instant.parse(instant);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void enrolmentForAnotherTillCodeIsRefusedWithTheReason() {
        String code = hub.till("S1", "T09");

        assertThatThrownBy(() -> sync.enrol(code))
                .isInstanceOf(HubRefusedException.class)
                .hasMessageContaining("till S1/T09")
                .hasMessageContaining("this till is T01");
        assertThat(till.store().session().sync().enrolment()).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedAndATillWithoutEnrolmentSaysSo() {
        assertThatThrownBy(() -> sync.enrol("AAAA-BBBB-CCCC"))
                .isInstanceOf(HubRefusedException.class)
                .hasMessageContaining("not valid");
        assertThat(sync.syncOnce().state()).isEqualTo(SyncStatus.State.NOT_ENROLLED);
    }

    private CompletedSale sellForCash(String barcode, int quantity) {
        Sale sale = till.sales().newSale(cashier);
        sale.add(product(barcode), BigDecimal.valueOf(quantity));
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        return till.sales().complete(sale);
    }

    private Product product(String barcode) {
        return till.store().session().catalog().findByBarcode(barcode).orElseThrow();
    }

    /** The till's own stock movements per SKU equal the hub's ledger sums and levels for its store. */
    private void assertStockAgreesOnBothSides() throws Exception {
        Map<String, BigDecimal> local = new HashMap<>();
        try (Connection c = tillDatabase();
             var rs = c.createStatement().executeQuery(
                     "SELECT p.sku, SUM(m.quantity) FROM stock_movement m JOIN product p ON p.id = m.product_id GROUP BY p.sku")) {
            while (rs.next()) {
                local.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        Map<String, BigDecimal> ledger = hub.ledgerSums("S1");
        Map<String, BigDecimal> levels = hub.levels("S1");
        assertThat(ledger.keySet()).isEqualTo(local.keySet());
        assertThat(levels.keySet()).isEqualTo(local.keySet());
        local.forEach((sku, quantity) -> {
            assertThat(ledger.get(sku)).as("ledger " + sku).isEqualByComparingTo(quantity);
            assertThat(levels.get(sku)).as("level " + sku).isEqualByComparingTo(quantity);
        });
    }

    /** Another connection to the open till's H2 file (same JVM: H2 shares the open database). */
    private Connection tillDatabase() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + till.directory().database().resolve("till").toAbsolutePath(), "sa", "");
    }

    /**
     * Waits until the condition holds, checking it each time the service reports the end of a round
     * (every change the conditions look at happens in a round).
     */
    private void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        java.util.concurrent.BlockingQueue<SyncStatus> rounds = new java.util.concurrent.LinkedBlockingQueue<>();
        sync.addListener(rounds::add);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not met within 20 s");
            }
            rounds.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    static String ean13(int n) {
        String base = String.format("20%010d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (base.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return base + (10 - sum % 10) % 10;
    }
}
