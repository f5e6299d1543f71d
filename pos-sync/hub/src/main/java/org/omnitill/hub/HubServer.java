package org.omnitill.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.omnitill.sync.protocol.ApiPaths;
import org.omnitill.sync.protocol.HealthStatus;
import org.omnitill.sync.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server, built with its dependencies. It keeps no state in memory that another hub
 * process behind the same load balancer would need.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    static final String SERVICE = "omnitill-hub";

    private final DataSource dataSource;
    private final String version;
    private final ObjectMapper json = Json.newMapper();
    private final Javalin app;

    public HubServer(DataSource dataSource, String version) {
        this.dataSource = dataSource;
        this.version = version;
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get(ApiPaths.HEALTH, this::health);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("application/json").result("{\"error\":\"internal error\"}");
        });
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public HubServer start(String host, int port) {
        app.start(host, port);
        LOG.info("hub {} listening on {}:{}", version, host, app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    private void health(Context ctx) throws JsonProcessingException {
        boolean databaseUp = databaseAnswers();
        HealthStatus status = new HealthStatus(databaseUp ? HealthStatus.UP : HealthStatus.DOWN,
                SERVICE, version, ApiPaths.VERSION);
        ctx.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .result(json.writeValueAsString(status));
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("health check: database unreachable: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
