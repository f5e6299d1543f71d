package org.omnitill.hub;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs work in a transaction and runs it again when the database gave up on it for a reason that
 * a second attempt cures: a deadlock, a serialization failure, a lock wait that timed out, or a
 * unique key another transaction took first (the retry then sees that row and answers accordingly).
 */
final class Transactions {

    // 40001 serialization failure / H2 deadlock, 40P01 PostgreSQL deadlock, HYT00 H2 lock timeout,
    // 55P03 PostgreSQL lock not available, 23505 unique violation (both engines)
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "HYT00", "55P03", "23505");
    private static final int ATTEMPTS = 5;

    private final DSLContext dsl;

    Transactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    <T> T run(Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
            } catch (DataAccessException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(attempt * 5L);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
