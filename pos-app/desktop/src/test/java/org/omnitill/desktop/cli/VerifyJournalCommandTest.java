package org.omnitill.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.tender.Tender;
import org.omnitill.desktop.TestTill;
import picocli.CommandLine;

class VerifyJournalCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void twoSales() throws Exception {
        try (Till till = TestTill.demo(dir)) {
            for (int i = 0; i < 2; i++) {
                Sale sale = till.sales().newSale(till.logins().activeStaff().get(0));
                sale.add(till.store().session().catalog().findByBarcode(TestTill.EGGS).orElseThrow(), BigDecimal.ONE);
                sale.addTender(new Tender.Cash(sale.payment().remaining()));
                till.sales().complete(sale);
            }
        }
    }

    private int verify() {
        CommandLine cli = new CommandLine(new org.omnitill.desktop.OmnitillCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("--data-dir", dir.toString(), "--demo", "verify-journal");
    }

    @Test
    void anIntactJournalExitsZero() {
        assertThat(verify()).isZero();
        assertThat(out.toString()).contains("journal intact: 2 entries");
    }

    @Test
    void anEditedJournalExitsNonZeroAndSaysWhere() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("db").resolve("till").toAbsolutePath(), "sa", "")) {
            connection.createStatement().execute(
                    "UPDATE journal_entry SET body = REPLACE(body, '3.29', '0.01') WHERE sequence = 1");
        }

        assertThat(verify()).isEqualTo(VerifyJournalCommand.NOT_INTACT);
        assertThat(err.toString()).contains("journal NOT intact", "entry 1 was changed");
    }
}
