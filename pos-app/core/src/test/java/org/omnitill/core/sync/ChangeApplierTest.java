package org.omnitill.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.core.store.TillStore;
import org.omnitill.sync.protocol.Change;
import org.omnitill.sync.protocol.ChangeData;
import org.omnitill.sync.protocol.ChangePage;

class ChangeApplierTest {

    private static final Clock DEC_10 = Clock.fixed(Instant.parse("2026-12-10T12:00:00Z"), ZoneOffset.UTC);

    private TillStore store;
    private ChangeApplier applier;

    @BeforeEach
    void openStore() {
        store = TillStore.openInMemory("applier-" + System.nanoTime(), Currency.getInstance("EUR"));
        applier = new ChangeApplier(store, DEC_10);
        store.transactionVoid(s -> s.sync().saveEnrolment(new HubEnrolment("http://hub", "till-1", "S1", "T01", "token",
                Instant.parse("2026-12-01T00:00:00Z"))));
        apply(new ChangeData.TaxRateData("RED", "Reduced", new BigDecimal("10")),
                new ChangeData.ProductData("A", "Apples", new BigDecimal("2.00"), "RED", null, "each", List.of("8414850557430"), true));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long seq;

    private void apply(ChangeData... changes) {
        List<Change> list = new java.util.ArrayList<>();
        for (ChangeData data : changes) {
            list.add(new Change(++seq, data));
        }
        applier.apply(new ChangePage(list, seq, false));
    }

    private BigDecimal price() {
        return store.session().catalog().findBySku("A").orElseThrow().price().amount();
    }

    @Test
    void anEntryInForceSetsThePriceAndItsRemovalGivesTheBasePriceBack() {
        apply(new ChangeData.PriceData(7, "A", new BigDecimal("1.50"), Instant.parse("2026-12-05T00:00:00Z"), "GROUP"));
        assertThat(price()).isEqualByComparingTo("1.50");

        apply(new ChangeData.PriceRemovedData(7, "A"));
        assertThat(price()).isEqualByComparingTo("2.00");
    }

    @Test
    void anEntryNotYetInForceLeavesThePriceAndANewBasePriceIsKeptUnderTheBook() {
        apply(new ChangeData.PriceData(8, "A", new BigDecimal("1.80"), Instant.parse("2026-12-05T00:00:00Z"), "ALL"),
                new ChangeData.PriceData(9, "A", new BigDecimal("1.20"), Instant.parse("2026-12-20T00:00:00Z"), "STORE"));
        assertThat(price()).isEqualByComparingTo("1.80");

        apply(new ChangeData.ProductData("A", "Apples", new BigDecimal("2.40"), "RED", null, "each", List.of("8414850557430"), true),
                new ChangeData.PriceRemovedData(8, "A"));
        assertThat(price()).isEqualByComparingTo("2.40"); // the new base; the store's entry is not in force yet
    }

    @Test
    void enrollingAsAnotherTillDropsTheOldStoresPricesAndStock() {
        apply(new ChangeData.PriceData(7, "A", new BigDecimal("1.50"), Instant.parse("2026-12-05T00:00:00Z"), "STORE"),
                new ChangeData.LocationData("S1", "Store 1", "STORE", "S1"),
                new ChangeData.StockLevelData("S1", "A", new BigDecimal("12")));

        store.transactionVoid(s -> s.sync().saveEnrolment(new HubEnrolment("http://hub", "till-2", "S2", "T01", "token2",
                Instant.parse("2026-12-10T00:00:00Z"))));

        assertThat(price()).isEqualByComparingTo("2.00");
        assertThat(store.session().sync().stockLevels("A")).isEmpty();
        assertThat(store.session().sync().feedCursor()).isZero();
    }
}
