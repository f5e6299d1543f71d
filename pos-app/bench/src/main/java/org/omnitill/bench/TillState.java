package org.omnitill.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.staff.StaffMember;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The till every benchmark runs against: the prepared catalog of {@link #products} products
 * ({@link BenchFixture}; prepared now if it was not), opened as a till opens it, with a cashier
 * whose shift is open.
 */
@State(Scope.Benchmark)
public class TillState {

    /** Catalog size; {@code -p products=N} picks another generated catalog. */
    @Param("1000000")
    public int products;

    /**
     * Diagnostics only: H2 statements (separated by {@code ;}) run on the open database before the
     * benchmark, through a second connection, e.g. {@code -p h2="SET CACHE_SIZE 65536"}. Empty: none,
     * the till as it is.
     */
    @Param("")
    public String h2;

    public Till till;
    public StaffMember cashier;
    public BenchFixture.Prepared prepared;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        prepared = BenchFixture.prepare(products, BenchFixture.baseDirectory(), System.out);
        till = BenchFixture.open(prepared.tillDirectory());
        cashier = BenchFixture.cashier(till);
        // sales go into the cashier's open shift, as at a till in use (one is left open between runs)
        if (till.cashOffice().currentShift(cashier).isEmpty()) {
            till.cashOffice().openShift(cashier, CashCount.parse(till.cashOffice().denominations(),
                    Map.of(new BigDecimal("10"), "10")));
        }
        if (!h2.isBlank()) {
            String url = "jdbc:h2:file:" + prepared.tillDirectory().database().resolve("till").toAbsolutePath();
            try (Connection side = DriverManager.getConnection(url, "sa", "")) {
                BenchFixture.runStatements(side, h2);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (till != null) {
            till.close();
        }
    }
}
