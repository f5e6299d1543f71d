package org.omnitill.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.journal.JournalEntry;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Payment;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleDocument;
import org.omnitill.core.sale.SaleTotals;
import org.omnitill.core.tender.Tender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Completing a 5-line cash sale: {@code SaleService.complete}, which commits the journal entry,
 * sale, lines, tender, stock movements and outbox document in one transaction and then runs
 * {@code CHECKPOINT SYNC}, the time between the cashier pressing "pay" and the till saying done.
 * The sale is rung up before each call, outside the measured time.
 *
 * <p>Two more benchmarks take that time apart, to see where it goes: {@link #commitWithoutSync}
 * runs the same transaction as {@code complete} but not the sync, and {@link #checkpointSyncAfterCommit}
 * runs only the sync, each time after one such sale was committed. They are diagnostics, not a way
 * to complete a sale: a sale is only safe once synced.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Threads(1)
public class SaleBenchmarks {

    /** Products sales are rung up from: 2,000 random ones of the catalog. */
    @State(Scope.Thread)
    public static class Shelf {
        List<Product> products;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void load(TillState state) {
            products = BenchFixture.randomProducts(state.till, state.products, 2_000, 44);
            random = new SplittableRandom(45);
        }

        /** A paid sale of five different products, 1-3 of each (a weight for goods by the kg), in exact cash. */
        Sale ringUp(TillState state) {
            Sale sale = state.till.sales().newSale(state.cashier);
            List<Product> picked = new ArrayList<>(5);
            while (picked.size() < 5) {
                Product product = products.get(random.nextInt(products.size()));
                if (!picked.contains(product)) {
                    picked.add(product);
                }
            }
            for (Product product : picked) {
                BigDecimal quantity = product.unit() == Unit.KG
                        ? BigDecimal.valueOf(200 + random.nextInt(1_300), 3)
                        : BigDecimal.valueOf(1 + random.nextInt(3));
                sale.add(product, quantity);
            }
            sale.addTender(new Tender.Cash(sale.payment().remaining()));
            return sale;
        }
    }

    /** A sale rung up and paid, ready to complete. */
    @State(Scope.Thread)
    public static class PaidSale {
        Sale sale;

        @Setup(Level.Invocation)
        public void ringUp(TillState state, Shelf shelf) {
            sale = shelf.ringUp(state);
        }
    }

    /** A sale committed as {@code complete} commits it, not yet synced to disk. */
    @State(Scope.Thread)
    public static class CommittedSale {
        @Setup(Level.Invocation)
        public void commit(TillState state, Shelf shelf) {
            commitOnly(state, shelf.ringUp(state));
        }
    }

    /** The till's real path: commit, sync to disk, done. */
    @Benchmark
    public CompletedSale completeSale(TillState state, PaidSale paid) {
        return state.till.sales().complete(paid.sale);
    }

    /** Diagnostic: {@code complete} without its {@code CHECKPOINT SYNC}. */
    @Benchmark
    public CompletedSale commitWithoutSync(TillState state, PaidSale paid) {
        return commitOnly(state, paid.sale);
    }

    /** Diagnostic: the {@code CHECKPOINT SYNC} alone, right after a sale was committed. */
    @Benchmark
    public void checkpointSyncAfterCommit(TillState state, CommittedSale committed) {
        state.till.store().syncToDisk();
    }

    /**
     * The transaction of {@code SaleService.complete} as it is written at the time of this benchmark
     * (journal entry, sale rows, outbox document), without the sync that follows it there.
     */
    static CompletedSale commitOnly(TillState state, Sale sale) {
        Instant completedAt = Instant.now();
        SaleTotals totals = sale.totals();
        Payment payment = sale.payment();
        String tillCode = state.till.settings().tillCode();
        CompletedSale completed = state.till.store().transaction(session -> {
            CompletedSale[] built = new CompletedSale[1];
            JournalEntry entry = session.journal().append(SaleDocument.TYPE, sale.id(), completedAt, sequence -> {
                built[0] = new CompletedSale(sale.id(), CompletedSale.receiptNumber(tillCode, sequence), sequence,
                        tillCode, sale.cashier(), sale.startedAt(), completedAt, sale.lines(), totals, sale.tenders(),
                        payment, sale.voidedLines(), sale.overrides(), null);
                return SaleDocument.toJson(built[0]);
            });
            session.sales().insert(built[0]);
            session.outbox().add(sale.id(), entry.sequence(), SaleDocument.TYPE, entry.body(), completedAt);
            return built[0];
        });
        sale.markCompleted();
        return completed;
    }
}
