package org.omnitill.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.tender.Tender;

/** Completes real sales, edits the database file behind the till's back and checks the verifier sees it. */
class JournalTamperingTest {

    @TempDir
    Path dir;

    @BeforeEach
    void threeSales() throws Exception {
        try (Till till = open()) {
            for (int i = 0; i < 3; i++) {
                Sale sale = till.sales().newSale(till.logins().activeStaff().get(0));
                sale.add(till.store().session().catalog().findByBarcode("8414850557430").orElseThrow(), BigDecimal.ONE);
                sale.addTender(new Tender.Cash(sale.payment().remaining()));
                till.sales().complete(sale);
            }
        }
    }

    private Till open() throws Exception {
        return Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
    }

    private void sql(String... statements) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("till").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    private JournalVerifier.Report verify() throws Exception {
        try (Till till = open()) {
            return JournalVerifier.verify(till.store().session().journal());
        }
    }

    @Test
    void anUntouchedJournalVerifies() throws Exception {
        JournalVerifier.Report report = verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.entries()).isEqualTo(3);
    }

    @Test
    void anEditedEntryIsFound() throws Exception {
        sql("UPDATE journal_entry SET body = REPLACE(body, '\"total\":\"3.29\"', '\"total\":\"0.29\"') WHERE sequence = 2");

        assertThat(verify().problems()).anySatisfy(p -> assertThat(p).contains("entry 2 was changed"));
    }

    @Test
    void aDeletedEntryIsFound() throws Exception {
        sql("DELETE FROM sale_tax WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 2)",
                "DELETE FROM sale_line WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 2)",
                "DELETE FROM sale_tender WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 2)",
                "DELETE FROM sale WHERE journal_sequence = 2",
                "DELETE FROM journal_entry WHERE sequence = 2");

        assertThat(verify().problems()).anySatisfy(p -> assertThat(p).contains("entries 2 to 2 are missing"));
    }

    @Test
    void aCutOffTailIsFound() throws Exception {
        sql("DELETE FROM sale_tax WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 3)",
                "DELETE FROM sale_line WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 3)",
                "DELETE FROM sale_tender WHERE sale_id IN (SELECT id FROM sale WHERE journal_sequence = 3)",
                "DELETE FROM sale WHERE journal_sequence = 3",
                "DELETE FROM journal_entry WHERE sequence = 3");

        assertThat(verify().problems()).anySatisfy(p -> assertThat(p).contains("removed from the end"));
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        sql("ALTER TABLE sale DROP CONSTRAINT IF EXISTS " + constraintName(),
                "UPDATE journal_entry SET sequence = 100 WHERE sequence = 1",
                "UPDATE journal_entry SET sequence = 1 WHERE sequence = 2",
                "UPDATE journal_entry SET sequence = 2 WHERE sequence = 100");

        assertThat(verify().problems()).isNotEmpty()
                .anySatisfy(p -> assertThat(p).containsAnyOf("does not chain", "does not match its own document"));
    }

    private String constraintName() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("till").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             var rs = connection.createStatement().executeQuery(
                     "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                             + "WHERE TABLE_NAME = 'SALE' AND CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
