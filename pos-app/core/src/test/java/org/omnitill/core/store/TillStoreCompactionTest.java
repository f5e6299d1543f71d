package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;

/** Background compaction is off; closing the store compacts a file that is mostly dead space. */
class TillStoreCompactionTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;

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
    void closingCompactsAFileThatSyncedCommitsHaveGrown() throws IOException {
        long grown;
        try (TillStore store = TillStore.openFile(dir, EUR)) {
            store.session().catalog().saveTaxRate(new TaxRate("STD", "VAT 21 %", new BigDecimal("21")));
            for (int round = 1; round <= 60; round++) {
                List<CatalogRow> rows = catalog(round);
                store.transactionVoid(session -> session.catalog().upsertAll(rows));
                store.syncToDisk();
            }
            grown = fileSize();
        }
        long closed = fileSize();
        assertThat(grown).as("60 synced rewrites of the catalog").isGreaterThan(TillStore.COMPACT_ABOVE_BYTES);
        assertThat(closed).as("after close, of %d bytes", grown).isLessThan(grown / 2);

        try (TillStore store = TillStore.openFile(dir, EUR)) {
            assertThat(store.session().catalog().productCount()).isEqualTo(400);
            assertThat(store.session().catalog().findBySku("SKU-399").orElseThrow().price().amount())
                    .isEqualByComparingTo("60.25");
            assertThat(store.session().search().search("round 60", 500)).hasSize(400);
        }
        assertThat(fileSize()).as("a compact file is not compacted again").isLessThanOrEqualTo(closed + (1 << 20));
    }
}
