package org.omnitill.core;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryLock;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.demo.DemoStore;
import org.omnitill.core.hardware.CashDrawer;
import org.omnitill.core.hardware.Peripherals;
import org.omnitill.core.print.PrintQueue;
import java.time.ZoneId;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.cash.Denominations;
import org.omnitill.core.id.UuidV7;
import org.omnitill.core.config.SettingsDiff;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.sync.SyncStatus;
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
    private final Peripherals peripherals;
    private final SyncService sync;
    private final CashOffice cashOffice;
    private final Reports reports;
    private final DayClose dayClose;
    private final Documents documents;
    private final Clock clock;
    private volatile SyncStatus.State lastHubState;

    private Till(DataDirectory directory, DataDirectoryLock lock, SettingsStore settingsStore, TillSettings settings,
                 TillStore store, LoginService logins, DemoStore demo, SaleService sales, Peripherals peripherals,
                 Documents documents, Clock clock) {
        this.directory = directory;
        this.lock = lock;
        this.settingsStore = settingsStore;
        this.settings = settings;
        this.store = store;
        this.logins = logins;
        this.demo = demo;
        this.sales = sales;
        this.peripherals = peripherals;
        this.sync = new SyncService(store, settings.tillCode(), settings.hub().orElse(null), SyncService.Options.DEFAULT,
                Clock.systemUTC(), this::taxRatesFromHub);
        this.cashOffice = new CashOffice(store, documents, logins.policy(), settings.office(),
                Denominations.of(settings.currencyUnit(), settings.office().denominations()), clock);
        this.reports = new Reports(store, settings, ZoneId.systemDefault(), clock);
        this.dayClose = new DayClose(store, documents, reports, logins.policy(), sales::openSaleCount, clock);
        this.documents = documents;
        this.clock = clock;
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
                    SaleLimits.defaults().withDiscountLimit(settings.office().discountLimitPercent())
                            .withMaxCashOver(largestNote(settings)), policy, clock);
            // the devices: the receipt printer's queue (its worker prints in the background), drawer, pole display
            Peripherals peripherals = Peripherals.open(store, settings, directory.root());
            return new Till(directory, lock, settingsStore, settings, store, logins, demo, sales, peripherals, documents,
                    clock);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    /** The largest note of the till's currency: cash taken may exceed what is due by at most that. */
    private static java.math.BigDecimal largestNote(TillSettings settings) {
        var values = Denominations.of(settings.currencyUnit(), settings.office().denominations()).values();
        return values.isEmpty() ? SaleLimits.defaults().maxCashOver() : values.get(0);
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
     * {@code sales().complete(sale)} returns, call {@code peripherals().afterSale(completed)}, which
     * opens the drawer for cash and queues the receipt.
     */
    public Optional<PrintQueue> printQueue() {
        return peripherals.printQueue();
    }

    /** The till's devices: print queue, cash drawer, pole display, serial scanners. */
    public Peripherals peripherals() {
        return peripherals;
    }

    /**
     * The cash drawer ({@link CashDrawer#NONE} when the settings name none). {@code open()} sends the
     * kick pulse; call it off the UI thread.
     */
    public CashDrawer cashDrawer() {
        return peripherals.cashDrawer();
    }

    /**
     * Sync with the hub. Created for every till (the status bar reads it) but only started by
     * {@link #startSync()}: a command-line tool that opens the till does not sync in the background.
     */
    public SyncService sync() {
        return sync;
    }

    /**
     * Starts pushing and pulling in the background, when a hub is configured. Losing the hub and
     * getting it back are journal documents ({@code hub-connection}), so the audit trail shows when
     * the till worked offline.
     */
    public void startSync() {
        sync.addListener(this::hubStateChanged);
        sync.start();
    }

    public static final String HUB_CONNECTION = "hub-connection";
    public static final String SETTINGS_CHANGE = "settings-change";

    // package-private for its test
    void hubStateChanged(SyncStatus status) {
        SyncStatus.State before = lastHubState;
        SyncStatus.State now = status.state();
        lastHubState = now;
        boolean wentOffline = before == SyncStatus.State.ONLINE && now == SyncStatus.State.OFFLINE;
        boolean cameBack = before == SyncStatus.State.OFFLINE && now == SyncStatus.State.ONLINE;
        if (!wentOffline && !cameBack) {
            return;
        }
        try {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("state", now.name());
            fields.put("problem", status.problem());
            fields.put("waiting", status.waiting());
            documents.writeNow(store, HUB_CONNECTION, clock.instant(), fields, List.of(new AuditEntry(
                    wentOffline ? "OFFLINE" : "ONLINE", null, null, null, null,
                    wentOffline ? "hub unreachable: " + status.problem() : "hub reachable again")));
        } catch (RuntimeException e) {
            LOG.warn("the hub connection change could not be journaled: {}", e.getMessage());
        }
    }

    /**
     * Saves changed settings and records what changed, by whom, as a {@code settings-change}
     * journal document. Most settings apply from the next start.
     *
     * @param changedBy who changed them: a staff member's name, {@code command line} or {@code hub}
     */
    public void saveSettings(TillSettings changed, String changedBy) {
        TillSettings before = settingsStore.load();
        settingsStore.save(changed);
        Map<String, Object> diff = SettingsDiff.between(before, changed);
        if (diff.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("changedBy", changedBy);
        fields.put("changes", diff);
        documents.writeNow(store, SETTINGS_CHANGE, clock.instant(), fields, List.of(new AuditEntry("SETTINGS", null,
                changedBy, null, null, "settings changed: " + String.join(", ", diff.keySet()))));
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
                saveSettings(current.withTax(current.taxMode(), current.taxRounding(), new ArrayList<>(merged.values())), "hub");
                LOG.info("tax rates from the hub saved to the settings; they apply to sales from the next start");
            }
        } catch (RuntimeException e) {
            LOG.warn("tax rates from the hub could not be saved to the settings: {}", e.getMessage());
        }
    }

    /**
     * Queues a short slip of an X or Z report on the receipt printer, when there is one.
     *
     * @return false when no receipt printer is configured
     */
    public boolean printReportSlip(org.omnitill.core.report.ReportDocument document, String reference) {
        PrintQueue printQueue = peripherals.printQueue().orElse(null);
        if (printQueue == null) {
            return false;
        }
        var format = printQueue.format();
        byte[] slip = org.omnitill.core.report.ReportSlip.escPos(document, format.columns(), Reports.SLIP_SECTIONS,
                format.codePage(), format.codeTable());
        printQueue.enqueue(documents.newId(), reference, org.omnitill.core.print.PrintJob.Kind.REPORT, slip);
        return true;
    }

    /** The demo store definition when running in demo mode. */
    public Optional<DemoStore> demo() {
        return Optional.ofNullable(demo);
    }

    @Override
    public void close() throws IOException {
        try {
            sync.close();
            peripherals.close();
            store.close();
        } finally {
            lock.close();
            LOG.info("till closed");
        }
    }
}
