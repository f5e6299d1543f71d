package org.omnitill.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.sync.SyncService;
import org.omnitill.core.sync.SyncStatus;
import org.omnitill.core.tender.Tender;
import org.omnitill.hub.HubDatabase;
import org.omnitill.hub.HubServer;
import org.omnitill.sync.client.HubClient;
import org.omnitill.sync.protocol.JournalHash;
import org.omnitill.sync.protocol.Json;
import org.omnitill.sync.protocol.PushedDocument;

/**
 * The hub and sync figures of issue 4, with a real hub in this process and tills talking to it
 * over HTTP on loopback. Prints one line per figure; nothing is asserted.
 *
 * <pre>
 * java -cp benchmarks.jar org.omnitill.bench.SyncBench ingest h2|pg [TILLS] [SECONDS] [BATCH]
 * java -cp benchmarks.jar org.omnitill.bench.SyncBench drain [SALES]
 * java -cp benchmarks.jar org.omnitill.bench.SyncBench bootstrap [PRODUCTS] [PAGE]
 * </pre>
 * (PostgreSQL refuses to run as root: as root, run the pg variant under {@code unshare -U}.)
 */
public final class SyncBench {

    private static final String ADMIN = "bench";
    private static final String PASSWORD = "bench-password-1";
    private static final ObjectMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SyncBench ingest h2|pg [TILLS] [SECONDS] [BATCH] | drain [SALES] | bootstrap [PRODUCTS] [PAGE]");
            System.exit(2);
        }
        Path base = BenchFixture.baseDirectory().resolve("sync");
        Files.createDirectories(base);
        switch (args[0]) {
            case "ingest" -> ingest(base, args.length > 1 ? args[1] : "h2", intArg(args, 2, 50), intArg(args, 3, 30), intArg(args, 4, 1));
            case "drain" -> drain(base, intArg(args, 1, 10_000));
            case "bootstrap" -> bootstrap(base, intArg(args, 1, 1_000_000), intArg(args, 2, 1_000));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    // ---- hub ingest: TILLS simulated tills pushing 5-line sales as fast as the hub takes them

    static void ingest(Path base, String engine, int tills, int seconds, int batch) throws Exception {
        Path dir = fresh(base.resolve("ingest-" + engine));
        EmbeddedPostgres pg = null;
        String url;
        String user = "sa";
        if (engine.equals("pg")) {
            pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200").start();
            url = pg.getJdbcUrl("postgres", "postgres");
            user = "postgres";
        } else {
            url = "jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        }
        try (HubDatabase database = HubDatabase.open(url, user, "");
             HubServer server = new HubServer(database, "bench").start("127.0.0.1", 0)) {
            server.saveAdmin(ADMIN, PASSWORD.toCharArray());
            String hub = "http://127.0.0.1:" + server.port();
            admin(hub, "PUT", "/api/v1/admin/tax-rates", List.of(Map.of("code", "STD", "name", "Standard", "percent", "21")));
            int stores = Math.max(1, tills / 10);
            for (int s = 0; s < stores; s++) {
                admin(hub, "POST", "/api/v1/admin/stores", Map.of("code", "S" + s, "name", "Store " + s, "currency", "EUR"));
            }
            List<SimulatedTill> simulated = new ArrayList<>();
            for (int t = 0; t < tills; t++) {
                String code = admin(hub, "POST", "/api/v1/admin/stores/S" + (t % stores) + "/tills",
                        Map.of("code", "T" + t)).get("enrolmentCode").asText();
                String token = new HubClient(URI.create(hub), Duration.ofSeconds(30)).enrol(code).token();
                simulated.add(new SimulatedTill("T" + t, token, t));
            }
            LongAdder accepted = new LongAdder();
            LongAdder requests = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(tills);
            List<Future<?>> running = new ArrayList<>();
            // a short warm-up so the JIT and the pools settle, then the measured window
            long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds)).toNanos();
            long[] windowStart = new long[1];
            long[] acceptedAtStart = new long[1];
            for (SimulatedTill till : simulated) {
                running.add(pool.submit(() -> {
                    HubClient client = new HubClient(URI.create(hub), Duration.ofSeconds(60));
                    while (!stop.get()) {
                        List<PushedDocument> docs = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            docs.add(till.nextSale());
                        }
                        var response = client.push(till.token, docs);
                        requests.increment();
                        response.results().forEach(r -> {
                            if (r.status() == org.omnitill.sync.protocol.DocumentResult.Status.ACCEPTED) {
                                accepted.increment();
                            } else {
                                throw new IllegalStateException("not accepted: " + r);
                            }
                        });
                    }
                    return null;
                }));
            }
            while (System.nanoTime() < warmUpEnd) {
                Thread.sleep(50);
            }
            windowStart[0] = System.nanoTime();
            acceptedAtStart[0] = accepted.sum();
            long requestsAtStart = requests.sum();
            Thread.sleep(seconds * 1000L);
            long acceptedInWindow = accepted.sum() - acceptedAtStart[0];
            long requestsInWindow = requests.sum() - requestsAtStart;
            double elapsed = (System.nanoTime() - windowStart[0]) / 1e9;
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("INGEST engine=%s tills=%d batch=%d window=%.1fs sales=%d sales_per_s=%.0f requests_per_s=%.0f load=%s%n",
                    engine, tills, batch, elapsed, acceptedInWindow, acceptedInWindow / elapsed, requestsInWindow / elapsed, load());
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** A till's journal as the real one keeps it (gapless numbers, SHA-256 chain), with 5-line sales. */
    private static final class SimulatedTill {
        final String code;
        final String token;
        final SplittableRandom random;
        long sequence;
        String lastHash = "0".repeat(64);

        SimulatedTill(String code, String token, long seed) {
            this.code = code;
            this.token = token;
            this.random = new SplittableRandom(seed);
        }

        PushedDocument nextSale() {
            UUID id = UUID.randomUUID();
            long seq = ++sequence;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", "sale");
            doc.put("version", 1);
            doc.put("id", id.toString());
            doc.put("sequence", seq);
            doc.put("receiptNumber", code + "-" + seq);
            doc.put("till", code);
            List<Map<String, Object>> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int l = 1; l <= 5; l++) {
                BigDecimal price = BigDecimal.valueOf(random.nextInt(100, 2000), 2);
                total = total.add(price);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", l);
                line.put("sku", "SKU-" + random.nextInt(20_000));
                line.put("name", "Product " + l);
                line.put("unit", "each");
                line.put("quantity", "1");
                line.put("unitPrice", price.toPlainString());
                line.put("amount", price.toPlainString());
                line.put("taxCode", "STD");
                lines.add(line);
            }
            doc.put("lines", lines);
            doc.put("total", total.toPlainString());
            doc.put("tenders", List.of(Map.of("kind", "CASH", "amount", total.toPlainString())));
            String body;
            try {
                body = JSON.writeValueAsString(doc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String hash = JournalHash.of(lastHash, body);
            PushedDocument d = new PushedDocument(id, "sale", seq, Instant.now(), lastHash, hash, body);
            lastHash = hash;
            return d;
        }
    }

    // ---- a till draining SALES sales queued during an outage

    static void drain(Path base, int sales) throws Exception {
        Path dir = fresh(base.resolve("drain"));
        try (HubDatabase database = HubDatabase.open("jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0",
                "sa", "");
             HubServer server = new HubServer(database, "bench").start("127.0.0.1", 0);
             Till till = Till.open(new DataDirectory(dir.resolve("till")), true, new PinHasher(1_000, new SecureRandom()))) {
            server.saveAdmin(ADMIN, PASSWORD.toCharArray());
            String hub = "http://127.0.0.1:" + server.port();
            admin(hub, "PUT", "/api/v1/admin/tax-rates", List.of(Map.of("code", "STD", "name", "VAT 21 %", "percent", "21"),
                    Map.of("code", "RED", "name", "VAT 10 %", "percent", "10")));
            admin(hub, "POST", "/api/v1/admin/stores", Map.of("code", "S1", "name", "Store", "currency", "EUR"));
            String code = admin(hub, "POST", "/api/v1/admin/stores/S1/tills", Map.of("code", till.settings().tillCode()))
                    .get("enrolmentCode").asText();
            SyncService sync = till.sync();
            sync.configure(hub);
            sync.enrol(code);
            // the outage: sales complete while nothing is sent
            StaffMember cashier = till.logins().activeStaff().get(0);
            List<Product> products = new ArrayList<>();
            for (String barcode : List.of("8414850557430", "8438438405715", "8471933596977")) {
                products.add(till.store().session().catalog().findByBarcode(barcode).orElseThrow());
            }
            long sellStart = System.nanoTime();
            for (int i = 0; i < sales; i++) {
                Sale sale = till.sales().newSale(cashier);
                for (int l = 0; l < 5; l++) {
                    sale.add(products.get((i + l) % products.size()), BigDecimal.ONE);
                }
                sale.addTender(new Tender.Cash(sale.payment().remaining()));
                till.sales().complete(sale);
            }
            double sellSeconds = (System.nanoTime() - sellStart) / 1e9;
            long waiting = till.store().session().sync().waitingCount();
            long start = System.nanoTime();
            SyncStatus status = sync.syncOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("DRAIN sales=%d queued=%d (rung up in %.1fs) drained_in=%.2fs state=%s waiting_after=%d hub_documents=%d load=%s%n",
                    sales, waiting, sellSeconds, seconds, status.state(), status.waiting(),
                    admin(hub, "GET", "/api/v1/admin/tills/" + till.store().session().sync().enrolment().orElseThrow().tillId()
                            + "/journal", null).get("headSequence").asLong(), load());
        }
    }

    // ---- a fresh till bootstrapping PRODUCTS products through the change feed, and feed page latency

    static void bootstrap(Path base, int count, int page) throws Exception {
        Path dir = fresh(base.resolve("bootstrap"));
        try (HubDatabase database = HubDatabase.open("jdbc:h2:file:" + dir.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0",
                "sa", "");
             HubServer server = new HubServer(database, "bench").start("127.0.0.1", 0)) {
            server.saveAdmin(ADMIN, PASSWORD.toCharArray());
            String hub = "http://127.0.0.1:" + server.port();
            admin(hub, "PUT", "/api/v1/admin/tax-rates", List.of(Map.of("code", "STD", "name", "VAT 21 %", "percent", "21"),
                    Map.of("code", "RED", "name", "VAT 10 %", "percent", "10")));
            admin(hub, "POST", "/api/v1/admin/stores", Map.of("code", "S1", "name", "Store", "currency", "EUR"));
            long seedStart = System.nanoTime();
            for (int from = 0; from < count; from += 10_000) {
                List<Map<String, Object>> products = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 10_000); i++) {
                    products.add(Map.of("sku", String.format("P%07d", i), "name", name(i),
                            "price", BigDecimal.valueOf(100 + i % 5000, 2), "taxCode", i % 3 == 0 ? "RED" : "STD",
                            "category", "Category " + i % 40, "unit", "each", "barcodes", List.of(CatalogGenerator.barcode(i)),
                            "active", true));
                }
                admin(hub, "PUT", "/api/v1/admin/products", products);
            }
            System.out.printf("BOOTSTRAP hub seeded with %d products in %.1fs (admin API, 10,000 per request)%n", count,
                    (System.nanoTime() - seedStart) / 1e9);
            String code = admin(hub, "POST", "/api/v1/admin/stores/S1/tills", Map.of("code", "T01")).get("enrolmentCode").asText();
            Path tillDir = dir.resolve("fresh-till");
            Files.createDirectories(tillDir);
            try (TillStore store = TillStore.openFile(tillDir, Currency.getInstance("EUR"));
                 SyncService sync = new SyncService(store, "T01", hub,
                         new SyncService.Options(Duration.ofSeconds(5), Duration.ofSeconds(60), 200, page), Clock.systemUTC(), r -> { })) {
                sync.enrol(code);
                // the till stays usable: a cashier's barcode lookups run throughout and are timed
                AtomicBoolean done = new AtomicBoolean();
                List<Long> lookups = new ArrayList<>();
                Thread cashier = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(7);
                    while (!done.get()) {
                        long t0 = System.nanoTime();
                        store.session().catalog().findByBarcode(CatalogGenerator.barcode(random.nextInt(count)));
                        lookups.add(System.nanoTime() - t0);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                cashier.start();
                long start = System.nanoTime();
                SyncStatus status = sync.syncOnce();
                double seconds = (System.nanoTime() - start) / 1e9;
                done.set(true);
                cashier.join();
                long[] times = lookups.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("BOOTSTRAP products=%d page=%d till_has=%d in %.1fs state=%s; lookups meanwhile n=%d p50=%.2fms p99=%.1fms max=%.1fms load=%s%n",
                        count, page, store.session().catalog().productCount(), seconds, status.state(), times.length,
                        pct(times, 50), pct(times, 99), times.length == 0 ? 0 : times[times.length - 1] / 1e6, load());
            }
            // change-feed pages of 1,000 at random cursors, timed at the client (HTTP and JSON included)
            String token = new HubClient(URI.create(hub), Duration.ofSeconds(30)).enrol(
                    admin(hub, "POST", "/api/v1/admin/stores/S1/tills", Map.of("code", "T02")).get("enrolmentCode").asText()).token();
            HubClient client = new HubClient(URI.create(hub), Duration.ofSeconds(30));
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < 50; i++) {
                client.changes(token, random.nextLong(count), 1_000); // warm-up
                Thread.sleep(30); // stay under the hub's 50 requests a second per credential
            }
            long[] pages = new long[300];
            for (int i = 0; i < pages.length; i++) {
                long t0 = System.nanoTime();
                int n = client.changes(token, random.nextLong(count - 1_000), 1_000).changes().size();
                pages[i] = System.nanoTime() - t0;
                if (n != 1_000) {
                    throw new IllegalStateException("page of " + n);
                }
                Thread.sleep(30);
            }
            Arrays.sort(pages);
            System.out.printf("FEED page=1000 n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms load=%s%n", pages.length,
                    pct(pages, 50), pct(pages, 95), pct(pages, 99), pages[pages.length - 1] / 1e6, load());
        }
    }

    // ---- helpers

    private static final String[] WORDS = {"Organic", "Fresh", "Classic", "Crunchy", "Tomato", "Cheese", "Coffee", "Tea",
            "Apple", "Rice", "Pasta", "Olive", "Lemon", "Garlic", "Bread", "Yogurt", "Honey", "Butter", "Salmon", "Chicken"};

    private static String name(int i) {
        return WORDS[i % WORDS.length] + " " + WORDS[(i / 20) % WORDS.length] + " " + WORDS[(i / 400) % WORDS.length] + " " + i;
    }

    private static JsonNode admin(String hub, String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
    }
}
