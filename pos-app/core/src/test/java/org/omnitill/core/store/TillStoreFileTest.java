package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;

/**
 * How the till's H2 file is set up: background compaction off, compacted on close when mostly dead
 * space; documents kept in their rows up to 64 KB, longer ones in H2's LOB store.
 */
class TillStoreFileTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;

    /** The file's identity (inode): replaced when H2 compacts, kept when it only writes to it. */
    private Object fileKey() throws IOException {
        return Files.readAttributes(dir.resolve("till.mv.db"), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private long fileSize() throws IOException {
        return Files.size(dir.resolve("till.mv.db"));
    }

    private static List<CatalogRow> catalog(int round) {
        List<CatalogRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(new CatalogRow("SKU-" + i, "Product number " + i + " of round " + round, List.of(),
                    new BigDecimal(round + ".25"), "STD", "Cat " + i % 7, Unit.EACH));
        }
        return rows;
    }

    @Test
    void documentsOfAnySizeAreKeptAndTheSettingsAreThose() throws SQLException {
        String small = "{\"n\":\"" + "x".repeat(4_000) + "\"}";
        String large = "{\"n\":\"" + "ñ".repeat(300_000) + "\"}"; // 600 KB in UTF-8: H2's LOB store
        try (TillStore store = TillStore.openFile(dir, EUR)) {
            store.transactionVoid(session -> {
                session.journal().append("test", UUID.randomUUID(), Instant.now(), sequence -> small);
                session.journal().append("test", UUID.randomUUID(), Instant.now(), sequence -> large);
            });
            try (Connection side = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("till").toAbsolutePath(), "sa", "");
                 Statement sql = side.createStatement();
                 ResultSet settings = sql.executeQuery("SELECT DISTINCT setting_name, setting_value FROM information_schema.settings"
                         + " WHERE setting_name IN ('AUTO_COMPACT_FILL_RATE', 'MAX_LENGTH_INPLACE_LOB', 'WRITE_DELAY')"
                         + " ORDER BY setting_name")) {
                List<String> found = new ArrayList<>();
                while (settings.next()) {
                    found.add(settings.getString(1) + "=" + settings.getString(2));
                }
                assertThat(found).containsExactly("AUTO_COMPACT_FILL_RATE=0", "MAX_LENGTH_INPLACE_LOB=65536", "WRITE_DELAY=0");
            }
        }
        try (TillStore store = TillStore.openFile(dir, EUR)) {
            List<String> bodies = new ArrayList<>();
            store.session().journal().forEach(entry -> bodies.add(entry.body()));
            assertThat(bodies).containsExactly(small, large);
        }
    }

    @Test
    void closingCompactsAFileThatSyncedCommitsHaveGrown() throws IOException {
        long grown;
        Object grownKey;
        try (TillStore store = TillStore.openFile(dir, EUR)) {
            store.session().catalog().saveTaxRate(new TaxRate("STD", "VAT 21 %", new BigDecimal("21")));
            for (int round = 1; round <= 60; round++) {
                List<CatalogRow> rows = catalog(round);
                store.transactionVoid(session -> session.catalog().upsertAll(rows));
                store.syncToDisk();
            }
            grown = fileSize();
            grownKey = fileKey();
        }
        long closed = fileSize();
        Object compactedKey = fileKey();
        assertThat(compactedKey).as("compacting writes a new file").isNotEqualTo(grownKey);
        assertThat(grown).as("60 synced rewrites of the catalog").isGreaterThan(TillStore.COMPACT_ABOVE_BYTES);
        assertThat(closed).as("after close, of %d bytes", grown).isLessThan(grown / 2);

        try (TillStore store = TillStore.openFile(dir, EUR)) {
            assertThat(store.session().catalog().productCount()).isEqualTo(400);
            assertThat(store.session().catalog().findBySku("SKU-399").orElseThrow().price().amount())
                    .isEqualByComparingTo("60.25");
            assertThat(store.session().search().search("round 60", 500)).hasSize(400);
        }
        assertThat(fileKey()).as("a compact file is not compacted again (SHUTDOWN COMPACT writes a new file)")
                .isEqualTo(compactedKey);
    }
}
