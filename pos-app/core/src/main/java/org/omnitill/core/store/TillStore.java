package org.omnitill.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Documents up to this many bytes are kept in their row rather than in H2's LOB store. */
    static final int INPLACE_LOB_BYTES = 65_536;
    /** Closing compacts the file when less than this share of it (percent) is live data. */
    static final int COMPACT_BELOW_FILL_RATE = 50;
    /** ... and only files larger than this; a small file is not worth the wait. */
    static final long COMPACT_ABOVE_BYTES = 4L << 20;

    private final JdbcConnectionPool pool;
    /** The database file, {@code null} in memory. */
    private final Path file;
    private boolean closed;
    private final DSLContext dsl;
    private final Currency currency;
    /** Counts writes to the promotions, so a sale can tell when its cached copy is stale. */
    private final AtomicLong promotionChanges = new AtomicLong();

    private TillStore(JdbcConnectionPool pool, Currency currency, Path file) {
        this.pool = pool;
        this.file = file;
        this.dsl = DSL.using(pool, SQLDialect.H2);
        this.currency = currency;
    }

    /**
     * Opens (creating if needed) the database file {@code till} in {@code directory} with
     * {@code WRITE_DELAY=0}, so every commit is written at once, and migrates it.
     *
     * <p>H2 compacts the file in the background by default, rewriting chunks that are partly dead.
     * On a till that sells back to back this ran all the time (every synced commit writes a chunk, and
     * H2 may reuse the space of the chunks it replaced only after its 45 s retention): rewriting took
     * CPU and allocation from the sale and now and then held its commit up, for up to 1.4 s (sale p99
     * 11.4 ms with it, 5.3 ms without, on the 1,000,000-product store). So background compaction is off
     * ({@code AUTO_COMPACT_FILL_RATE=0}) and the file is compacted when the till closes instead, if it
     * needs it ({@link #close}): a busy day grows the file (10,000 sales in a burst, about 1 GB), the
     * end of the day shrinks it back.
     *
     * <p>Documents (the journal's and the outbox's {@code body}, parked sales) are {@code CLOB}s, which H2
     * kept in its separate LOB store above 256 bytes: every sale wrote its document there twice,
     * copied through a reader, in the same commit. Up to {@value #INPLACE_LOB_BYTES} bytes they are
     * now kept in the row ({@code MAX_LENGTH_INPLACE_LOB}): sale p99 9.2 ms -> 3.2 ms and a fifth less
     * allocated per sale on the 1,000,000-product store. Longer documents still go to the LOB store.
     */
    public static TillStore openFile(Path directory, Currency currency) {
        Path file = directory.resolve("till");
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;AUTO_COMPACT_FILL_RATE=0"
                + ";MAX_LENGTH_INPLACE_LOB=" + INPLACE_LOB_BYTES;
        return open(url, currency, directory.resolve("till.mv.db"));
    }

    /** Opens a fresh private in-memory database (tests, tools). */
    public static TillStore openInMemory(String name, Currency currency) {
        return open("jdbc:h2:mem:" + Objects.requireNonNull(name) + ";DB_CLOSE_DELAY=-1", currency, null);
    }

    private static TillStore open(String url, Currency currency, Path file) {
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
            foldWordCounts(pool);
            return new TillStore(pool, currency, file);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** Adds the word-count changes of the last run to the counts (V15), before anything else writes. */
    private static void foldWordCounts(JdbcConnectionPool pool) {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            ProductWordIndex.foldCounts(sql);
            connection.commit();
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("could not update the search word counts", e);
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

    /**
     * Closes the database. A file that is less than {@value #COMPACT_BELOW_FILL_RATE} % live data
     * (and larger than 4 MB) is compacted first ({@code SHUTDOWN COMPACT}: H2 writes a compact copy
     * and then replaces the file with it, so a crash meanwhile leaves the old file). That takes a
     * second or two for a store of some thousand products after a day of sales and about 6 s for a
     * million products right after their import. If it fails, or another thread still holds a
     * connection, the store closes as it is. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // SHUTDOWN ends every session: not while a thread the till could not stop still works here
        if (file != null) {
            int inUse = pool.getActiveConnections();
            if (inUse == 0) {
                compactIfMostlyDead();
            } else {
                LOG.warn("store closed without compacting: {} connection(s) still in use", inUse);
            }
        }
        pool.dispose();
    }

    private void compactIfMostlyDead() {
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            // FILL_RATE: the share of the file in chunks; CHUNKS_FILL_RATE: the share of live pages in them
            int inChunks = 100;
            int liveInChunks = 100;
            long size = 0;
            try (ResultSet info = sql.executeQuery("SELECT setting_name, setting_value FROM information_schema.settings"
                    + " WHERE setting_name IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE', 'info.FILE_SIZE')")) {
                while (info.next()) {
                    String value = info.getString(2).strip();
                    switch (info.getString(1)) {
                        case "info.FILL_RATE" -> inChunks = Integer.parseInt(value);
                        case "info.CHUNKS_FILL_RATE" -> liveInChunks = Integer.parseInt(value);
                        default -> size = Long.parseLong(value);
                    }
                }
            }
            int fillRate = inChunks * liveInChunks / 100;
            if (fillRate >= COMPACT_BELOW_FILL_RATE || size <= COMPACT_ABOVE_BYTES) {
                return;
            }
            long start = System.nanoTime();
            sql.execute("SHUTDOWN COMPACT");
            LOG.info("store compacted on close in {} ms: {} MB ({} % live) -> {} MB", (System.nanoTime() - start) / 1_000_000,
                    size >> 20, fillRate, Files.size(file) >> 20);
        } catch (SQLException | IOException | NumberFormatException e) {
            LOG.warn("could not compact the store on close; it is closed as it is", e);
        }
    }
}
