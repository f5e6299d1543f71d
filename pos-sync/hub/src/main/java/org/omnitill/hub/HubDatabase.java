package org.omnitill.hub;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/** The hub's database: a pooled data source whose schema Flyway brings up to date on open. */
public final class HubDatabase implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private HubDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates it.
     *
     * @throws IllegalArgumentException for a URL this build cannot open, with the reason
     */
    public static HubDatabase open(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("This hub build opens H2 databases only (jdbc:h2:...); got " + jdbcUrl);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/hub")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new HubDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
