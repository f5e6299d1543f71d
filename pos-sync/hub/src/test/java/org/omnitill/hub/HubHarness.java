package org.omnitill.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.omnitill.sync.protocol.Json;
import org.omnitill.sync.protocol.PushedDocument;

/**
 * A hub on a random port over a fresh database, an admin user, and helpers that speak its API over
 * real HTTP the way a till or an admin tool would. Tests build their own expectations; this only talks.
 */
final class HubHarness implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "correct horse battery";

    final HubDatabase database;
    final HubServer server;
    final ObjectMapper json = Json.newMapper();
    final HttpClient http = HttpClient.newHttpClient();

    HubHarness(TestDatabases.Engine engine, HubServer.Limits limits) {
        TestDatabases.Url url = TestDatabases.fresh(engine);
        database = HubDatabase.open(url.jdbcUrl(), url.user(), url.password());
        server = new HubServer(database, "test", limits, Clock.systemUTC(), 1_000).start("127.0.0.1", 0);
        server.saveAdmin(ADMIN, ADMIN_PASSWORD.toCharArray());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode admin(String method, String path, Object body) {
        HttpResponse<String> response = send(method, path, basic(ADMIN, ADMIN_PASSWORD), write(body));
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    String write(Object body) {
        try {
            return body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store with its tax rate STD (21 %) and two products, as a test's starting point. */
    void store(String code) {
        admin("POST", "/api/v1/admin/stores", Map.of("code", code, "name", "Store " + code, "currency", "EUR"));
    }

    /** Creates a till in the store and enrols it; returns what a till would keep. */
    Till enrolledTill(String store, String code) {
        JsonNode created = admin("POST", "/api/v1/admin/stores/" + store + "/tills", Map.of("code", code, "name", "Till " + code));
        HttpResponse<String> enrolled = send("POST", "/api/v1/enrol", null,
                write(Map.of("code", created.get("enrolmentCode").asText())));
        if (enrolled.statusCode() != 200) {
            throw new AssertionError("enrolment failed: " + enrolled.body());
        }
        JsonNode body = read(enrolled.body());
        return new Till(this, body.get("tillId").asText(), code, body.get("token").asText());
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }

    /** A simulated till: it keeps a journal exactly as the real one does (gapless numbers, SHA-256 chain). */
    static final class Till {
        final HubHarness hub;
        final String id;
        final String code;
        final String token;
        private long sequence;
        private String lastHash = DocumentIngest.ZERO_HASH;

        Till(HubHarness hub, String id, String code, String token) {
            this.hub = hub;
            this.id = id;
            this.code = code;
            this.token = token;
        }

        String bearer() {
            return "Bearer " + token;
        }

        /** The next journal document: a sale of these SKUs and quantities (negative: a return). */
        PushedDocument sale(Object... skuAndQuantity) {
            UUID id = UUID.randomUUID();
            long seq = ++sequence;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("type", "sale");
            doc.put("version", 1);
            doc.put("id", id.toString());
            doc.put("sequence", seq);
            doc.put("till", code);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < skuAndQuantity.length; i += 2) {
                lines.add(Map.of("line", i / 2 + 1, "sku", skuAndQuantity[i], "quantity", new BigDecimal(skuAndQuantity[i + 1].toString()).toPlainString()));
            }
            doc.put("lines", lines);
            String body = hub.write(doc);
            String hash = DocumentIngest.hash(lastHash, body);
            PushedDocument d = new PushedDocument(id, "sale", seq, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(seq), lastHash, hash, body);
            lastHash = hash;
            return d;
        }

        HttpResponse<String> push(List<PushedDocument> documents) {
            return hub.send("POST", "/api/v1/documents", bearer(), hub.write(Map.of("documents", documents)));
        }

        JsonNode pushOk(List<PushedDocument> documents) {
            HttpResponse<String> response = push(documents);
            if (response.statusCode() != 200) {
                throw new AssertionError("push answered " + response.statusCode() + ": " + response.body());
            }
            return hub.read(response.body());
        }

        JsonNode changes(long after, int limit) {
            HttpResponse<String> response = hub.send("GET", "/api/v1/changes?after=" + after + "&limit=" + limit, bearer(), null);
            if (response.statusCode() != 200) {
                throw new AssertionError("changes answered " + response.statusCode() + ": " + response.body());
            }
            return hub.read(response.body());
        }
    }
}
