package org.omnitill.core;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryLock;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.demo.DemoStore;
import org.omnitill.core.print.PrintQueue;
import java.time.ZoneId;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.cash.Denominations;
import org.omnitill.core.id.UuidV7;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.report.DayClose;
import org.omnitill.core.report.Reports;
import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.RolePolicy;
import org.omnitill.core.sale.SaleLimits;
import org.omnitill.core.sale.SaleService;
import org.omnitill.core.staff.LoginService;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.sync.SyncService;
import org.omnitill.core.catalog.TaxRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open till: its locked data directory, settings, local store and services, wired in this one
 * place. Closing it releases everything in reverse order.
 */
public final class Till implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Till.class);

    private final DataDirectory directory;
    private final DataDirectoryLock lock;
    private final SettingsStore settingsStore;
    private final TillSettings settings;
    private final TillStore store;
    private final LoginService logins;
    private final DemoStore demo;
    private final SaleService sales;
    private final PrintQueue printQueue;
    private final SyncService sync;
    private final CashOffice cashOffice;
    private final Reports reports;
    private final DayClose dayClose;

    private Till(DataDirectory directory, DataDirectoryLock lock, SettingsStore settingsStore, TillSettings settings,
                 TillStore store, LoginService logins, DemoStore demo, SaleService sales, PrintQueue printQueue,
                 Documents documents, Clock clock) {
        this.directory = directory;
        this.lock = lock;
        this.settingsStore = settingsStore;
        this.settings = settings;
        this.store = store;
        this.logins = logins;
        this.demo = demo;
        this.sales = sales;
        this.printQueue = printQueue;
        this.sync = new SyncService(store, settings.tillCode(), settings.hub().orElse(null), SyncService.Options.DEFAULT,
                Clock.systemUTC(), this::taxRatesFromHub);
        this.cashOffice = new CashOffice(store, documents, logins.policy(), settings.office(),
                Denominations.of(settings.currencyUnit(), settings.office().denominations()), clock);
        this.reports = new Reports(store, settings, ZoneId.systemDefault(), clock);
        this.dayClose = new DayClose(store, documents, reports, logins.policy(), sales::openSaleCount, clock);
    }

    /**
     * Opens the till on {@code directory}: locks it against a second till process, reads the
     * settings, opens and migrates the local store and, in demo mode, seeds the demo store once.
     *
     * @throws org.omnitill.core.config.DataDirectoryInUseException when another till holds the directory
     */
    public static Till open(DataDirectory directory, boolean demoMode) throws IOException {
        return open(directory, demoMode, new PinHasher());
    }

    public static Till open(DataDirectory directory, boolean demoMode, PinHasher pinHasher) throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
        TillStore store = null;
        try {
            SettingsStore settingsStore = new SettingsStore(directory.settingsFile());
            DemoStore demo = demoMode ? DemoStore.load() : null;
            TillSettings settings;
            if (demo != null && !java.nio.file.Files.exists(settingsStore.file())) {
                settings = demo.settings();
                settingsStore.save(settings);
            } else {
                settings = settingsStore.load();
            }
            store = TillStore.openFile(directory.database(), settings.currencyUnit());
            // the settings define the tax codes; the store mirrors them so products can refer to them
            store.transactionVoid(session -> settings.taxRates().forEach(session.catalog()::saveTaxRate));
            Clock clock = Clock.systemUTC();
            Documents documents = new Documents(settings.tillCode(), new UuidV7(clock));
            PermissionPolicy policy = RolePolicy.withOverrides(settings.office().rolePermissions());
            LoginService logins = new LoginService(store, pinHasher, documents, policy, settings.office(), clock);
            if (demo != null && demo.seedIfEmpty(store, logins)) {
                LOG.info("demo data seeded in {}", directory.root());
            }
            LOG.info("till {} of '{}' open on {}", settings.tillCode(), settings.storeName(), directory.root());
            SaleService sales = new SaleService(store, settings,
                    SaleLimits.defaults().withDiscountLimit(settings.office().discountLimitPercent()), policy, clock);
            // the receipt printer's queue, when one is configured; its worker prints in the background
            PrintQueue printQueue = null;
            if (settings.printer().isPresent()) {
                printQueue = PrintQueue.forTill(store, settings, settings.printer().get(), directory.root());
                printQueue.start();
            }
            return new Till(directory, lock, settingsStore, settings, store, logins, demo, sales, printQueue, documents,
                    clock);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    public DataDirectory directory() {
        return directory;
    }

    public TillSettings settings() {
        return settings;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public TillStore store() {
        return store;
    }

    public LoginService logins() {
        return logins;
    }

    public SaleService sales() {
        return sales;
    }

    /** Shifts, paid in and out, safe drops, no-sales and the blind count. */
    public CashOffice cashOffice() {
        return cashOffice;
    }

    /** X, Z, sales, tax and exceptions reports. */
    public Reports reports() {
        return reports;
    }

    /** The Z that closes the day. */
    public DayClose dayClose() {
        return dayClose;
    }

    /**
     * The receipt printer's print queue, when the settings name a printer. After
     * {@code sales().complete(sale)} returns, queue the receipt with {@code enqueue(completed)}.
     */
    public Optional<PrintQueue> printQueue() {
        return Optional.ofNullable(printQueue);
    }

    /**
     * Sync with the hub. Created for every till (the status bar reads it) but only started by
     * {@link #startSync()}: a command-line tool that opens the till does not sync in the background.
     */
    public SyncService sync() {
        return sync;
    }

    /** Starts pushing and pulling in the background, when a hub is configured. */
    public void startSync() {
        sync.start();
    }

    /**
     * Tax rates the hub sent are written into the settings file, merged by code; sales use the
     * settings' rates, so the new ones apply from the next start (the log says so).
     */
    private void taxRatesFromHub(List<TaxRate> rates) {
        try {
            TillSettings current = settingsStore.load();
            Map<String, TaxRate> merged = new LinkedHashMap<>();
            current.taxRates().forEach(r -> merged.put(r.code(), r));
            boolean changed = false;
            for (TaxRate rate : rates) {
                TaxRate before = merged.put(rate.code(), rate);
                changed |= before == null || before.percent().compareTo(rate.percent()) != 0 || !before.name().equals(rate.name());
            }
            if (changed) {
                settingsStore.save(current.withTax(current.taxMode(), current.taxRounding(), new ArrayList<>(merged.values())));
                LOG.info("tax rates from the hub saved to the settings; they apply to sales from the next start");
            }
        } catch (RuntimeException e) {
            LOG.warn("tax rates from the hub could not be saved to the settings: {}", e.getMessage());
        }
    }

    /** The demo store definition when running in demo mode. */
    public Optional<DemoStore> demo() {
        return Optional.ofNullable(demo);
    }

    @Override
    public void close() throws IOException {
        try {
            sync.close();
            if (printQueue != null) {
                printQueue.close();
            }
            store.close();
        } finally {
            lock.close();
            LOG.info("till closed");
        }
    }
}
