package org.omnitill.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.omnitill.sync.protocol.ApiPaths;
import org.omnitill.sync.protocol.ChangeData;
import org.omnitill.sync.protocol.EnrolRequest;
import org.omnitill.sync.protocol.HealthStatus;
import org.omnitill.sync.protocol.Json;
import org.omnitill.sync.protocol.Problem;
import org.omnitill.sync.protocol.PushRequest;
import org.omnitill.sync.protocol.PushResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server, built with its dependencies. It keeps no state in memory that another hub
 * process behind the same load balancer would need (rate limits and metrics are per process).
 *
 * <p>Every client mistake is answered with a {@link Problem}: malformed JSON 400, an unknown
 * credential 401, another store's data 403, too large 413, too many requests 429.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    static final String SERVICE = "omnitill-hub";
    static final String TILL_ATTRIBUTE = "omnitill.till";
    static final String ADMIN_ATTRIBUTE = "omnitill.admin";

    /** Limits a hub applies; the defaults suit a chain of a few hundred tills. */
    public record Limits(long maxRequestBytes, double requestsPerSecond, double burst) {
        public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 50, 200);
    }

    /** One route of the API: registered here and listed in the OpenAPI document (a test holds them equal). */
    record Route(HandlerType method, String path) {
    }

    private final HubDatabase database;
    private final String version;
    private final ObjectMapper json = Json.newMapper();
    private final Javalin app;
    private final HubMetrics metrics = new HubMetrics();
    private final RateLimiter rateLimiter;
    private final Enrolment enrolment;
    private final DocumentIngest ingest;
    private final ChangeFeed feed;
    private final Admin admin;
    private final PriceBook priceBook;
    private final Promotions promotions;
    private final List<Route> routes = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "feed-compaction");
                thread.setDaemon(true);
                return thread;
            });
    private final byte[] openApi;

    public HubServer(HubDatabase database, String version) {
        this(database, version, Limits.DEFAULT, Clock.systemUTC(), PasswordHasher.DEFAULT_ITERATIONS);
    }

    HubServer(HubDatabase database, String version, Limits limits, Clock clock, int passwordIterations) {
        this.database = Objects.requireNonNull(database, "database");
        this.version = version;
        this.rateLimiter = new RateLimiter(limits.requestsPerSecond(), limits.burst());
        SecureRandom random = new SecureRandom();
        Transactions transactions = new Transactions(database.dsl());
        this.feed = new ChangeFeed(json);
        StockLedger ledger = new StockLedger();
        this.enrolment = new Enrolment(database.dsl(), transactions, new Secrets(random),
                new PasswordHasher(passwordIterations, random), clock);
        this.ingest = new DocumentIngest(transactions, ledger, feed, json, clock, metrics, database::syncToDisk);
        this.admin = new Admin(database.dsl(), transactions, enrolment, ledger, feed, clock);
        this.priceBook = new PriceBook(database.dsl(), transactions, feed, clock);
        this.promotions = new Promotions(database.dsl(), transactions, feed, clock);
        this.openApi = readResource("openapi.json");
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxRequestBytes();
            config.http.defaultContentType = "application/json";
        });
        app.before(ctx -> ctx.attribute("omnitill.start", System.nanoTime()));
        app.after(ctx -> {
            if (ctx.path().startsWith(ApiPaths.ADMIN) && ctx.method() != HandlerType.GET && ctx.statusCode() < 300) {
                database.syncToDisk(); // an admin's change is on disk before the admin hears it is done
            }
            Long start = ctx.attribute("omnitill.start");
            String route = ctx.endpointHandlerPath();
            metrics.response(route == null || route.isEmpty() ? "other" : route, ctx.statusCode(),
                    start == null ? 0 : System.nanoTime() - start);
        });

        route(HandlerType.GET, ApiPaths.HEALTH, this::health);
        route(HandlerType.GET, ApiPaths.METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        route(HandlerType.GET, ApiPaths.OPENAPI, ctx -> ctx.contentType("application/json").result(openApi));

        route(HandlerType.POST, ApiPaths.ENROL, ctx -> {
            limit(ctx, "ip:" + ctx.ip());
            EnrolRequest request = read(ctx, EnrolRequest.class);
            var enrolled = enrolment.enrol(request.code());
            database.syncToDisk(); // the code is spent and the token known for good before the till gets it
            respond(ctx, 200, enrolled);
        });
        route(HandlerType.POST, ApiPaths.DOCUMENTS, ctx -> {
            TillPrincipal till = till(ctx);
            PushRequest request = read(ctx, PushRequest.class);
            if (request.documents() == null) {
                throw ApiException.badRequest("send {\"documents\": [...]}");
            }
            if (request.documents().size() > ApiPaths.MAX_BATCH) {
                throw new ApiException(413, "batch-too-large", "a push carries at most " + ApiPaths.MAX_BATCH
                        + " documents; this one has " + request.documents().size());
            }
            if (request.documents().stream().anyMatch(Objects::isNull)) {
                throw ApiException.badRequest("a document in the batch is null");
            }
            PushResponse response = ingest.push(till, request.documents());
            respond(ctx, 200, response);
        });
        route(HandlerType.GET, ApiPaths.CHANGES, ctx -> {
            TillPrincipal till = till(ctx);
            long after = longParam(ctx, "after", 0);
            long limit = longParam(ctx, "limit", 1_000);
            if (after < 0) {
                throw ApiException.badRequest("after must be 0 or a cursor the hub returned, not " + after);
            }
            if (limit < 1 || limit > ApiPaths.MAX_PAGE) {
                throw ApiException.badRequest("limit must be 1 to " + ApiPaths.MAX_PAGE + ", not " + limit);
            }
            String page = feed.pageJson(database.dsl(), till.storeId(), after, (int) limit);
            ctx.status(200).contentType("application/json").result(page);
        });

        route(HandlerType.GET, ApiPaths.API_ROOT + "/tills/{till}/journal", ctx -> {
            TillPrincipal till = till(ctx);
            if (!till.tillId().equals(ctx.pathParam("till"))) {
                throw ApiException.forbidden("a till may read only its own journal; this credential is till "
                        + till.tillCode() + " of store " + till.storeCode());
            }
            respond(ctx, 200, admin.journal(till.tillId()));
        });

        String a = ApiPaths.ADMIN;
        route(HandlerType.GET, a + "/stores", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.stores());
        });
        route(HandlerType.POST, a + "/stores", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 201, admin.createStore(read(ctx, Admin.StoreRequest.class)));
        });
        route(HandlerType.POST, a + "/locations", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 201, admin.createLocation(read(ctx, Admin.LocationRequest.class)));
        });
        route(HandlerType.POST, a + "/stores/{store}/tills", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 201, admin.createTill(ctx.pathParam("store"), read(ctx, Admin.TillRequest.class)));
        });
        route(HandlerType.POST, a + "/tills/{till}/enrolment-code", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 201, admin.newEnrolmentCode(ctx.pathParam("till")));
        });
        route(HandlerType.GET, a + "/stores/{store}/z-closes", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.zCloses(ctx.pathParam("store"), ctx.queryParam("from"), ctx.queryParam("to")));
        });
        route(HandlerType.GET, a + "/tills/{till}/journal", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.journal(ctx.pathParam("till")));
        });
        route(HandlerType.PUT, a + "/tax-rates", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.saveTaxRates(readList(ctx, ChangeData.TaxRateData.class)));
        });
        route(HandlerType.PUT, a + "/products", ctx -> {
            authenticateAdmin(ctx);
            int saved = admin.saveProducts(readList(ctx, ChangeData.ProductData.class));
            respond(ctx, 200, java.util.Map.of("saved", saved));
        });
        route(HandlerType.PUT, a + "/store-groups", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, priceBook.saveGroup(read(ctx, PriceBook.GroupRequest.class)));
        });
        route(HandlerType.PUT, a + "/promotions", ctx -> {
            String user = authenticateAdmin(ctx);
            respond(ctx, 200, promotions.save(readList(ctx, Promotions.PromotionRequest.class), user));
        });
        route(HandlerType.GET, a + "/promotions", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, promotions.list());
        });
        route(HandlerType.DELETE, a + "/promotions/{code}", ctx -> {
            authenticateAdmin(ctx);
            promotions.delete(ctx.pathParam("code"));
            respond(ctx, 200, java.util.Map.of("deleted", ctx.pathParam("code")));
        });
        route(HandlerType.POST, a + "/prices", ctx -> {
            String user = authenticateAdmin(ctx);
            respond(ctx, 200, priceBook.addPrices(readList(ctx, PriceBook.PriceRequest.class), user));
        });
        route(HandlerType.POST, a + "/catalog.csv", ctx -> {
            authenticateAdmin(ctx);
            byte[] body = ctx.bodyAsBytes();
            if (body.length == 0) {
                throw ApiException.badRequest("send the catalog CSV as the request body (Content-Type: text/csv)");
            }
            respond(ctx, 200, admin.importCsv(body));
        });
        route(HandlerType.GET, a + "/stores/{store}/tills", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.tills(ctx.pathParam("store")));
        });
        route(HandlerType.POST, a + "/stock/adjustments", ctx -> {
            String user = authenticateAdmin(ctx);
            String body = ctx.body().stripLeading();
            if (body.startsWith("[")) {
                respond(ctx, 200, admin.adjustAll(readList(ctx, Admin.Adjustment.class), user));
            } else {
                respond(ctx, 200, admin.adjust(read(ctx, Admin.Adjustment.class), user));
            }
        });
        route(HandlerType.POST, a + "/stock/transfers", ctx -> {
            String user = authenticateAdmin(ctx);
            respond(ctx, 200, admin.transfer(read(ctx, Admin.Transfer.class), user));
        });
        route(HandlerType.GET, a + "/stock", ctx -> {
            authenticateAdmin(ctx);
            respond(ctx, 200, admin.stock(ctx.queryParam("location"), ctx.queryParam("sku")));
        });

        app.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.error(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "internal", "the hub failed to answer; the error is in its log");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                problem(ctx, 404, "not-found", "there is no " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(413, ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) {
                problem(ctx, 413, "too-large", "the request is larger than " + limits.maxRequestBytes() + " bytes");
            }
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public HubServer start(String host, int port) {
        app.start(host, port);
        // a fresh till reads the feed from the start: keep it to the latest change of each thing
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int dropped = compactFeed();
                if (dropped > 0) {
                    LOG.info("change feed compacted: {} superseded change(s) dropped", dropped);
                }
            } catch (RuntimeException e) {
                LOG.warn("change feed compaction failed; it runs again later: {}", e.toString());
            }
        }, 10, 10, java.util.concurrent.TimeUnit.MINUTES);
        LOG.info("hub {} listening on {}:{}", version, host, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Creates the admin user or sets its password (used by {@code omnitill-hub --admin-user}). */
    public void saveAdmin(String username, char[] password) {
        enrolment.saveAdmin(username, password);
    }

    /** Drops superseded changes from the feed (see {@link ChangeFeed#compact}); returns how many. */
    int compactFeed() {
        int total = 0;
        int n;
        do {
            n = feed.compact(database.dsl(), 10_000);
            total += n;
        } while (n == 10_000);
        return total;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private void route(HandlerType method, String path, Handler handler) {
        routes.add(new Route(method, path));
        app.addHttpHandler(method, path, handler);
    }

    private TillPrincipal till(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            throw ApiException.unauthorized("send the till's token as Authorization: Bearer TOKEN (enrol the till first)");
        }
        TillPrincipal till = enrolment.till(header.substring(7).strip())
                .orElseThrow(() -> ApiException.unauthorized("this till token is not known to the hub; enrol the till again"));
        limit(ctx, "till:" + till.tillId());
        ctx.attribute(TILL_ATTRIBUTE, till);
        return till;
    }

    private String authenticateAdmin(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.header("WWW-Authenticate", "Basic realm=\"omnitill-hub\"");
            throw ApiException.unauthorized("the admin API needs an admin user's name and password (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw ApiException.unauthorized("the Basic credentials are not user:password");
        }
        String user = decoded.substring(0, colon);
        // by address first: password guessing costs a slow hash each, and must not lock the real admin out
        limit(ctx, "admin-ip:" + ctx.ip());
        limit(ctx, "admin:" + user);
        if (!enrolment.admin(user, decoded.substring(colon + 1).toCharArray())) {
            throw ApiException.unauthorized("unknown admin user or wrong password");
        }
        ctx.attribute(ADMIN_ATTRIBUTE, user);
        return user;
    }

    private void limit(Context ctx, String key) {
        if (!rateLimiter.tryAcquire(key, System.nanoTime())) {
            metrics.rateLimited();
            ctx.header("Retry-After", "1");
            throw new ApiException(429, "rate-limited", "too many requests from this credential; slow down and retry");
        }
    }

    private <T> T read(Context ctx, Class<T> type) {
        return read(ctx, json.getTypeFactory().constructType(type));
    }

    private <T> List<T> readList(Context ctx, Class<T> element) {
        return read(ctx, json.getTypeFactory().constructCollectionType(List.class, element));
    }

    private <T> T read(Context ctx, JavaType type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("the request has no body; send JSON");
        }
        if (containsNul(body)) {
            throw ApiException.badRequest("the request contains a NUL character (\\u0000), which no text field may hold");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("the body is JSON null; send an object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    /** A raw NUL byte, or the JSON escape for one (a backslash that is not itself escaped, then u0000). */
    static boolean containsNul(byte[] body) {
        int backslashes = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == 0) {
                return true;
            }
            if (b == '\\') {
                backslashes++;
                continue;
            }
            if (b == 'u' && backslashes % 2 == 1 && i + 4 < body.length && body[i + 1] == '0' && body[i + 2] == '0'
                    && body[i + 3] == '0' && body[i + 4] == '0') {
                return true;
            }
            backslashes = 0;
        }
        return false;
    }

    private static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }

    private void respond(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
    }

    private void problem(Context ctx, int status, String error, String detail) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(new Problem(status, error, detail)));
        } catch (JsonProcessingException e) {
            ctx.status(status).result("{\"status\":" + status + "}");
        }
    }

    private void health(Context ctx) throws JsonProcessingException {
        boolean databaseUp = databaseAnswers();
        HealthStatus status = new HealthStatus(databaseUp ? HealthStatus.UP : HealthStatus.DOWN,
                SERVICE, version, ApiPaths.VERSION);
        respond(ctx, databaseUp ? 200 : 503, status);
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("health check: database unreachable: {}", e.toString());
            return false;
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = HubServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        app.stop();
    }
}
