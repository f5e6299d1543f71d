package org.omnitill.desktop.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.sync.HubEnrolment;
import org.omnitill.hub.HubDatabase;
import org.omnitill.hub.HubServer;
import org.omnitill.sync.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub that {@code omnitill --demo} runs inside the till's process (ADR 0014): its own H2 file in
 * the demo data directory, on loopback, seeded once with the demo stores, catalog and stock through
 * its admin API, and the demo till enrolled with it through the normal one-time code. The till
 * still reaches it only over HTTP, exactly as it would reach a real hub.
 */
public final class DemoHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHub.class);
    /** Tried first so the demo till's enrolment stays valid across restarts; any free port otherwise. */
    static final int PREFERRED_PORT = 8086;
    static final String STORE = "DEMO";
    static final String SECOND_STORE = "DEMO2";
    private static final String ADMIN = "demo-admin";
    private static final String CATALOG = "/assets/demo/catalog.csv";

    private final HubDatabase database;
    private final HubServer server;
    private final String url;
    private final String adminAuthorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = Json.newMapper();

    private DemoHub(HubDatabase database, HubServer server, String adminPassword) {
        this.database = database;
        this.server = server;
        this.url = "http://127.0.0.1:" + server.port();
        this.adminAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the demo hub's database under {@code directory} and starts serving on loopback. */
    public static DemoHub start(Path directory, String version) {
        HubDatabase database = HubDatabase.open("jdbc:h2:file:" + directory.resolve("hub").toAbsolutePath() + ";WRITE_DELAY=0",
                "sa", "");
        try {
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret); // a new one every start: nobody needs to know it
            HubServer server;
            try {
                server = new HubServer(database, version).start("127.0.0.1", PREFERRED_PORT);
            } catch (RuntimeException portTaken) {
                LOG.info("demo hub: port {} is taken ({}), using a free one", PREFERRED_PORT, portTaken.getMessage());
                server = new HubServer(database, version).start("127.0.0.1", 0);
            }
            server.saveAdmin(ADMIN, password.toCharArray());
            return new DemoHub(database, server, password);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    /**
     * Seeds the hub the first time (stores, a warehouse and the online channel, the demo catalog,
     * stock everywhere) and enrols the demo till unless it already is enrolled with this hub.
     * Slow-ish (password hashing, a catalog import): call it off the UI thread.
     */
    public void connect(Till till) throws Exception {
        if (!storeExists()) {
            seed(till);
        }
        till.sync().configure(url);
        boolean enrolled = till.store().session().sync().enrolment().map(HubEnrolment::hubUrl).filter(url::equals).isPresent();
        if (!enrolled) {
            till.sync().enrol(enrolmentCode(till.settings().tillCode()));
        }
        till.sync().wake();
        LOG.info("demo hub at {} with store {}; till {} syncs with it", url, STORE, till.settings().tillCode());
    }

    private boolean storeExists() throws IOException, InterruptedException {
        for (JsonNode store : call("GET", "/api/v1/admin/stores", null)) {
            if (STORE.equals(store.get("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private void seed(Till till) throws IOException, InterruptedException {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (TaxRate rate : till.settings().taxRates()) {
            rates.add(Map.of("code", rate.code(), "name", rate.name(), "percent", rate.percent()));
        }
        call("PUT", "/api/v1/admin/tax-rates", rates);
        call("POST", "/api/v1/admin/stores", Map.of("code", STORE, "name", till.settings().storeName(),
                "currency", till.settings().currencyUnit().getCurrencyCode()));
        call("POST", "/api/v1/admin/stores", Map.of("code", SECOND_STORE, "name", till.settings().storeName() + " North",
                "currency", till.settings().currencyUnit().getCurrencyCode()));
        call("POST", "/api/v1/admin/locations", Map.of("code", "WH", "name", "Central warehouse", "kind", "WAREHOUSE"));
        call("POST", "/api/v1/admin/locations", Map.of("code", "WEB", "name", "Online shop", "kind", "ONLINE"));
        byte[] catalog;
        try (InputStream in = Objects.requireNonNull(DemoHub.class.getResourceAsStream(CATALOG), CATALOG)) {
            catalog = in.readAllBytes();
        }
        JsonNode imported = send("POST", "/api/v1/admin/catalog.csv", HttpRequest.BodyPublishers.ofByteArray(catalog), "text/csv");
        // stock: a delivery into the warehouse and each store, a little for the online channel
        List<Map<String, Object>> counts = new ArrayList<>();
        int i = 0;
        for (String sku : skus(catalog)) {
            int n = i++;
            counts.add(adjustment("WH", sku, 40 + n % 60));
            counts.add(adjustment(STORE, sku, 6 + n % 25));
            counts.add(adjustment(SECOND_STORE, sku, 3 + n % 17));
            if (n % 3 == 0) {
                counts.add(adjustment("WEB", sku, 2 + n % 5));
            }
        }
        call("POST", "/api/v1/admin/stock/adjustments", counts);
        // two promotions the till applies by itself: cherry tomatoes 3 for 3.50, eggs 10 % off at this store
        call("PUT", "/api/v1/admin/promotions", List.of(
                Map.of("code", "TOMATO3", "name", "Cherry tomatoes 3 for 3.50", "kind", "MULTI_BUY", "buyQuantity", 3,
                        "bundlePrice", "3.50", "skus", List.of("DM-00012"), "effectiveFrom", "2026-01-01T00:00:00Z"),
                Map.of("code", "EGGS10", "name", "Eggs 10 % off", "kind", "PERCENT_OFF", "percent", "10",
                        "skus", List.of("DM-00080"), "effectiveFrom", "2026-01-01T00:00:00Z", "store", STORE)));
        call("POST", "/api/v1/admin/stores/" + STORE + "/tills", Map.of("code", till.settings().tillCode(), "name", "Front counter"));
        LOG.info("demo hub seeded: {} products, {} stock counts", imported.get("saved").asInt(), counts.size());
    }

    private static Map<String, Object> adjustment(String location, String sku, int quantity) {
        return Map.of("id", UUID.randomUUID().toString(), "location", location, "sku", sku,
                "quantity", BigDecimal.valueOf(quantity), "note", "demo opening stock");
    }

    private static List<String> skus(byte[] catalog) {
        List<String> skus = new ArrayList<>();
        String[] lines = new String(catalog, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            int comma = lines[i].indexOf(',');
            if (comma > 0) {
                skus.add(lines[i].substring(0, comma));
            }
        }
        return skus;
    }

    /** A fresh one-time code for the demo till (created on the hub if needed). */
    private String enrolmentCode(String tillCode) throws IOException, InterruptedException {
        for (JsonNode till : call("GET", "/api/v1/admin/stores/" + STORE + "/tills", null)) {
            if (tillCode.equals(till.get("code").asText())) {
                return call("POST", "/api/v1/admin/tills/" + till.get("tillId").asText() + "/enrolment-code", Map.of())
                        .get("enrolmentCode").asText();
            }
        }
        return call("POST", "/api/v1/admin/stores/" + STORE + "/tills", Map.of("code", tillCode, "name", "Front counter"))
                .get("enrolmentCode").asText();
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        return send(method, path, publisher, "application/json");
    }

    private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", adminAuthorization)
                .header("Content-Type", contentType)
                .method(method, body)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("demo hub: " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
