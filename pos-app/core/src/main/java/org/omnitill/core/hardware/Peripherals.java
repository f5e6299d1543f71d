package org.omnitill.core.hardware;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.print.PrintQueue;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.tender.Tender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's devices, opened from its settings: the receipt printer's queue, the cash drawer on it,
 * a pole display, and the serial scanners to listen to. Nothing here blocks a sale: a device that is
 * off or misconfigured is reported (log, status bar) and the till sells on.
 *
 * <p>After a sale: {@link #afterSale} kicks the drawer open on its own device thread when cash
 * changed hands, and queues the receipt.
 */
public final class Peripherals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Peripherals.class);

    /** How often an idle printer is asked how it is (paper out shows before the next receipt). */
    public static final java.time.Duration STATUS_CHECK_EVERY = java.time.Duration.ofSeconds(15);

    private final PrintQueue printQueue;
    private final CashDrawer drawer;
    private final CustomerDisplay poleDisplay;
    private final HardwareSettings settings;
    private final ExecutorService drawerThread;

    public Peripherals(PrintQueue printQueue, CashDrawer drawer, CustomerDisplay poleDisplay, HardwareSettings settings) {
        this.printQueue = printQueue;
        this.drawer = Objects.requireNonNull(drawer, "drawer");
        this.poleDisplay = Objects.requireNonNull(poleDisplay, "poleDisplay");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.drawerThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnitill-drawer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the devices a till's settings name; the print queue's worker is started. */
    public static Peripherals open(TillStore store, TillSettings settings, Path dataDir) {
        PrintQueue queue = null;
        if (settings.printer().isPresent()) {
            queue = PrintQueue.forTill(store, settings, settings.printer().get(), dataDir, Printers::open);
            queue.start();
            if (queue.printer() instanceof EscPosPrinter || queue.printer() instanceof SystemPrinter) {
                queue.startStatusChecks(STATUS_CHECK_EVERY);
            }
        }
        HardwareSettings hardware = settings.hardware();
        CashDrawer drawer;
        try {
            drawer = PrinterCashDrawer.of(hardware.cashDrawer(), queue == null ? null : queue.printer());
        } catch (IllegalArgumentException e) {
            LOG.info("cash drawer not usable: {}", e.getMessage()); // said again, as a warning, if a sale tries it
            drawer = unavailable(hardware.cashDrawer(), e.getMessage());
        }
        CustomerDisplay display = CustomerDisplay.NONE;
        String displaySetting = hardware.customerDisplay();
        if (!displaySetting.equalsIgnoreCase("window") && !displaySetting.equalsIgnoreCase("none")) {
            try {
                display = PoleDisplay.of(displaySetting);
            } catch (IllegalArgumentException e) {
                LOG.warn("customer display not usable: {}", e.getMessage());
            }
        }
        return new Peripherals(queue, drawer, display, hardware);
    }

    /**
     * Calls {@code listener} with the drawer's state whenever the printer is asked how it is (every
     * {@link #STATUS_CHECK_EVERY} while idle), where the printer reports its drawer switch; on the
     * asking thread.
     *
     * @return removes the listener
     */
    public Runnable addDrawerListener(java.util.function.Consumer<CashDrawer.State> listener) {
        if (printQueue == null || !(drawer instanceof PrinterCashDrawer onPrinter)) {
            return () -> { };
        }
        return printQueue.addDeviceListener(state -> {
            CashDrawer.State drawerState = onPrinter.stateIn(state);
            if (drawerState != CashDrawer.State.UNKNOWN) {
                listener.accept(drawerState);
            }
        });
    }

    public Optional<PrintQueue> printQueue() {
        return Optional.ofNullable(printQueue);
    }

    /** The cash drawer ({@link CashDrawer#NONE} when there is none). */
    public CashDrawer cashDrawer() {
        return drawer;
    }

    /** The pole display ({@link CustomerDisplay#NONE} for the window display or none). */
    public CustomerDisplay poleDisplay() {
        return poleDisplay;
    }

    /** Whether the settings want the second-window customer display. */
    public boolean windowDisplay() {
        return settings.customerDisplay().equalsIgnoreCase("window");
    }

    public HardwareSettings settings() {
        return settings;
    }

    /** The serial scanners the settings name, not started. Bad entries are logged and left out. */
    public List<SerialScanner> serialScanners() {
        return settings.serialScanners().stream().flatMap(connection -> {
            try {
                return java.util.stream.Stream.of(SerialScanner.of(connection));
            } catch (IllegalArgumentException e) {
                LOG.warn("scanner not usable: {}", e.getMessage());
                return java.util.stream.Stream.empty();
            }
        }).toList();
    }

    /**
     * What follows a completed sale: the drawer opens (on the drawer thread, at once) when the sale
     * had a cash tender, and the receipt is queued (on the caller's thread, a small transaction).
     * Returns the print job's id, or -1 without a printer.
     */
    public long afterSale(CompletedSale sale) {
        if (drawer.present() && sale.tenders().stream().anyMatch(t -> t instanceof Tender.Cash)) {
            openDrawer().exceptionally(error -> {
                LOG.warn("the cash drawer did not open after sale {}: {}", sale.receiptNumber(), error.getMessage());
                return null;
            });
        }
        return printQueue == null ? -1 : printQueue.enqueue(sale);
    }

    /**
     * Kicks the drawer open on the drawer thread; the future completes once the pulse was sent, or
     * fails with the reason.
     */
    public CompletableFuture<Void> openDrawer() {
        return CompletableFuture.runAsync(() -> {
            try {
                drawer.open();
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, drawerThread);
    }

    static CashDrawer unavailable(String setting, String reason) {
        return new CashDrawer() {
            @Override
            public void open() throws IOException {
                throw new IOException(reason);
            }

            @Override
            public State state() {
                return State.UNKNOWN;
            }

            @Override
            public boolean present() {
                return true;
            }

            @Override
            public String description() {
                return "cash drawer " + setting + " (not usable: " + reason + ")";
            }
        };
    }

    @Override
    public void close() {
        drawerThread.shutdown();
        try {
            drawerThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poleDisplay.close();
        if (printQueue != null) {
            printQueue.close();
        }
    }
}
