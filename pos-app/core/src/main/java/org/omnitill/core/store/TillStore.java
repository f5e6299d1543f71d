package org.omnitill.core.store;

import java.nio.file.Path;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.omnitill.core.catalog.CatalogLoad;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.journal.AuditRepository;
import org.omnitill.core.journal.JournalRepository;
import org.omnitill.core.report.ReportRepository;
import org.omnitill.core.sale.PromotionRepository;
import org.omnitill.core.print.PrintJobRepository;
import org.omnitill.core.sale.ParkedSaleRepository;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.staff.StaffRepository;
import org.omnitill.core.sync.OutboxRepository;
import org.omnitill.core.sync.SyncRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's local store: an H2 database whose schema Flyway brings up to date on open, reached
 * through jOOQ. The rest of the engine sees only repositories and {@link #transaction}; generated
 * jOOQ classes stay inside this package.
 */
public final class TillStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TillStore.class);

    /** How long closing the store may spend compacting the file. */
    static final int CLOSE_COMPACT_MILLIS = 10_000;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final Currency currency;
    /** Counts writes to the promotions, so a sale can tell when its cached copy is stale. */
    private final AtomicLong promotionChanges = new AtomicLong();

    private TillStore(JdbcConnectionPool pool, Currency currency) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2);
        this.currency = currency;
    }

    /**
     * Opens (creating if needed) the database file {@code till} in {@code directory} with
     * {@code WRITE_DELAY=0}, so every commit is written at once, and migrates it.
     *
     * <p>Every synced commit leaves the chunks it replaced in the file until H2 reuses them, which it
     * may only do after its retention time: a busy day leaves a file far larger than its data (10,000
     * sales in 27 s left 1.1 GB for 88 MB of data). Closing the till compacts for up to
     * {@value #CLOSE_COMPACT_MILLIS} ms ({@code MAX_COMPACT_TIME}; H2's default is 200), so the file
     * shrinks back at the end of the day instead of growing, and with it the time to open it.
     */
    public static TillStore openFile(Path directory, Currency currency) {
        String url = "jdbc:h2:file:" + directory.resolve("till").toAbsolutePath() + ";WRITE_DELAY=0;MAX_COMPACT_TIME="
                + CLOSE_COMPACT_MILLIS;
        return open(url, currency);
    }

    /** Opens a fresh private in-memory database (tests, tools). */
    public static TillStore openInMemory(String name, Currency currency) {
        return open("jdbc:h2:mem:" + Objects.requireNonNull(name) + ";DB_CLOSE_DELAY=-1", currency);
    }

    private static TillStore open(String url, Currency currency) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("local store migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            FreshCatalogLoad.undoInterrupted(pool);
            return new TillStore(pool, currency);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** The repositories of one unit of work. */
    public interface Session {
        CatalogRepository catalog();

        StaffRepository staff();

        SaleRepository sales();

        JournalRepository journal();

        OutboxRepository outbox();

        PrintJobRepository printJobs();

        ProductSearch search();

        ParkedSaleRepository parkedSales();

        SyncRepository sync();

        AuditRepository audit();

        ShiftRepository shifts();

        ReportRepository reports();

        PromotionRepository promotions();
    }

    private record JooqSession(DSLContext dsl, Currency currency, AtomicLong promotionChanges) implements Session {
        public CatalogRepository catalog() {
            return new JooqCatalogRepository(dsl, currency);
        }

        public StaffRepository staff() {
            return new JooqStaffRepository(dsl);
        }

        public SaleRepository sales() {
            return new JooqSaleRepository(dsl, currency);
        }

        public JournalRepository journal() {
            return new JooqJournalRepository(dsl);
        }

        public OutboxRepository outbox() {
            return new JooqOutboxRepository(dsl);
        }

        public PrintJobRepository printJobs() {
            return new JooqPrintJobRepository(dsl);
        }

        public ProductSearch search() {
            return new JooqProductSearch(dsl, currency);
        }

        public ParkedSaleRepository parkedSales() {
            return new JooqParkedSaleRepository(dsl);
        }

        public SyncRepository sync() {
            return new JooqSyncRepository(dsl);
        }

        public AuditRepository audit() {
            return new JooqAuditRepository(dsl);
        }

        public ShiftRepository shifts() {
            return new JooqShiftRepository(dsl, currency);
        }

        public ReportRepository reports() {
            return new JooqReportRepository(dsl);
        }

        public PromotionRepository promotions() {
            return new JooqPromotionRepository(dsl, promotionChanges::incrementAndGet);
        }
    }

    /**
     * A number that changes whenever promotions are saved or removed (also by a transaction that then
     * rolls back, which only costs a needless reload): a cache of the promotions is current while it
     * holds the number it was loaded at.
     */
    public long promotionVersion() {
        return promotionChanges.get();
    }

    /** Repositories outside a transaction: each call commits on its own. */
    public Session session() {
        return sessionOf(dsl);
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it on an exception. */
    public <T> T transaction(Function<Session, T> work) {
        return dsl.transactionResult(configuration -> work.apply(sessionOf(configuration.dsl())));
    }

    public void transactionVoid(Consumer<Session> work) {
        dsl.transaction(configuration -> work.accept(sessionOf(configuration.dsl())));
    }

    /**
     * Runs a bulk load (the catalog import) as one {@link #transaction}, with H2 writing to disk in
     * the background while it runs rather than at every commit. With {@code WRITE_DELAY=0} H2 also
     * writes the whole store each time an identity column hands out its next 32 ids, which for a
     * million new rows is most of the time spent. Afterwards {@code WRITE_DELAY=0} is restored and
     * a {@code CHECKPOINT SYNC} puts the result on disk before this returns. Commits made by
     * other connections meanwhile are not written at once either, so use it only when the till is
     * not selling (the CLI import holds the data directory lock).
     */
    public <T> T bulkTransaction(Function<Session, T> work) {
        writeInBackground(true);
        try {
            return transaction(work);
        } finally {
            writeInBackground(false);
            syncToDisk();
        }
    }

    /**
     * Starts a {@link CatalogLoad} if the catalog has no products at all (the first import), else
     * returns empty and changes nothing. Like {@link #bulkTransaction}, the load has H2 write in the
     * background until it ends, so use it only when the till is not selling.
     *
     * @param slice how many products each committed slice holds
     */
    public Optional<CatalogLoad> freshCatalogLoad(int slice) {
        if (slice < 1) {
            throw new IllegalArgumentException("slice must be positive");
        }
        return Optional.ofNullable(FreshCatalogLoad.startIfEmpty(this, pool, slice));
    }

    /** {@code SET WRITE_DELAY 1000} while on, {@code 0} (as {@link #openFile} opens it) when off. */
    void writeInBackground(boolean on) {
        dsl.execute(on ? "SET WRITE_DELAY 1000" : "SET WRITE_DELAY 0");
    }

    /**
     * Forces everything committed so far onto the disk (H2 {@code CHECKPOINT SYNC}). A completed
     * sale is only reported done after this returns, so a power cut cannot take it back.
     */
    public void syncToDisk() {
        dsl.execute("CHECKPOINT SYNC");
    }

    private Session sessionOf(DSLContext context) {
        // repositories are made when asked for: a sale's transaction builds only the four it uses
        return new JooqSession(context, currency, promotionChanges);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
