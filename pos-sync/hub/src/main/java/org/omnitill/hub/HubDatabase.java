package org.omnitill.hub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The hub's database: H2 (the default) or PostgreSQL, pooled, its schema brought up to date by
 * Flyway on open. The same migrations and the same jOOQ queries serve both engines: names are
 * rendered unquoted so that each engine folds them its own way.
 */
public final class HubDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    private HubDatabase(HikariDataSource pool, SQLDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.dsl = DSL.using(pool, dialect, new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false));
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates it.
     *
     * @throws IllegalArgumentException for a URL of an engine the hub does not support, with the reason
     */
    public static HubDatabase open(String jdbcUrl, String user, String password) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("hub-db");
        config.setMaximumPoolSize(dialect == SQLDialect.H2 ? 16 : 24);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/hub")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new HubDatabase(pool, dialect);
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("The hub runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...); got "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    public DataSource dataSource() {
        return pool;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Makes everything committed so far survive a power cut before the hub acknowledges it: a till
     * deletes what the hub acknowledged. PostgreSQL has already flushed its log at commit; H2 writes
     * its file at commit ({@code WRITE_DELAY=0}) but leaves it in the OS cache, so it is synced here.
     */
    public void syncToDisk() {
        if (dialect == SQLDialect.H2) {
            dsl.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
