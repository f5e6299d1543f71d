package org.omnitill.core.print;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.receipt.Receipt;
import org.omnitill.core.receipt.ReceiptFormat;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.store.TillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent print queue of the receipt printer. A printer that is off, missing or out of paper
 * never blocks or loses a sale: the sale commits first; then {@link #enqueue(CompletedSale)} renders
 * its receipt and stores the bytes as a job in a small transaction of its own, and returns at once.
 * A background {@link PrintWorker} sends the jobs to the printer oldest first, one at a time; a job
 * that fails stays queued with its error and attempt count, blocks the ones behind it (receipts
 * come out in order) and is retried with a growing delay. Jobs survive a restart.
 *
 * <p>Any receipt can be printed again with {@link #reprint(String)}: it is re-rendered from the
 * sale's journal document and marked as a copy.
 *
 * <p>The {@link #status()} (printer fine or not, last error, jobs waiting) is for the status bar;
 * listeners hear every change, on the thread that caused it (the worker's, mostly): a UI hands the
 * value over to its own thread.
 */
public final class PrintQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintQueue.class);

    /** What {@link #drainOnce()} did. */
    public record Drain(int printed, long waiting, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final TillStore store;
    private final ReceiptFormat format;
    private final PrinterConnection printer;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final Object drainLock = new Object();
    private final List<Consumer<PrinterStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DeviceState>> deviceListeners = new CopyOnWriteArrayList<>();
    private final Object statusLock = new Object();
    private volatile PrinterStatus status;
    private PrintWorker worker; // guarded by this
    private boolean closed; // guarded by this
    private java.util.concurrent.ScheduledExecutorService statusChecks; // guarded by this

    public PrintQueue(TillStore store, ReceiptFormat format, PrinterConnection printer, Clock clock, RetryBackoff backoff) {
        this.store = Objects.requireNonNull(store, "store");
        this.format = Objects.requireNonNull(format, "format");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.status = new PrinterStatus(printer.description(), true, PrinterCondition.UNKNOWN, null, null,
                jobs().countQueued(), null);
    }

    /** Opens a receipt printer from its parsed connection string (the hardware drivers do). */
    @FunctionalInterface
    public interface Opener {
        /**
         * @throws IllegalArgumentException for a connection string the drivers cannot use
         */
        PrinterConnection open(PrinterSpec spec, Path dataDir);
    }

    /**
     * The queue of a till's configured receipt printer: width, code page, cutter and logo from the
     * connection string's options, receipts in the till's language. A printer that cannot be opened
     * (a malformed string, an unknown type) does not stop the till: its jobs wait and the status
     * says why.
     */
    public static PrintQueue forTill(TillStore store, TillSettings settings, String connectionString, Path dataDir,
                                     Opener opener) {
        Locale locale = settings.locale().orElse(Locale.getDefault());
        ReceiptFormat format = ReceiptFormat.of(settings, locale);
        PrinterConnection connection;
        try {
            PrinterSpec spec = PrinterSpec.parse(connectionString);
            format = spec.applyTo(format, dataDir);
            connection = opener.open(spec, dataDir);
        } catch (IllegalArgumentException e) {
            LOG.warn("receipt printer not usable, receipts will wait in the print queue: {}", e.getMessage());
            connection = unavailable(connectionString, e.getMessage());
        }
        return new PrintQueue(store, format, connection, Clock.systemUTC(), RetryBackoff.DEFAULT);
    }

    /**
     * A printer that cannot be opened, e.g. a malformed connection string: every send fails with
     * {@code reason}, so jobs wait in the queue and the status shows why.
     */
    public static PrinterConnection unavailable(String description, String reason) {
        return new PrinterConnection() {
            @Override
            public void send(byte[] data) throws IOException {
                throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, reason);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    public ReceiptFormat format() {
        return format;
    }

    public PrinterConnection printer() {
        return printer;
    }

    /** Starts the background worker, which at once prints whatever waits from before. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the print queue is closed");
        }
        if (worker == null) {
            worker = new PrintWorker(() -> !drainOnce().failed(), backoff);
            worker.wake();
        }
    }

    /**
     * Asks the printer how it is every {@code every} while the till runs (where the link can tell),
     * so paper running out or a cover left open shows in the status bar before the next receipt,
     * and a printer that comes back prints what waits without waiting for the retry delay. A
     * scheduled task on a daemon thread; the calls share the printer's connection with the jobs.
     */
    public synchronized void startStatusChecks(java.time.Duration every) {
        if (closed || statusChecks != null) {
            return;
        }
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                runnable -> {
                    Thread thread = new Thread(runnable, "omnitill-printer-status");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.scheduleWithFixedDelay(() -> {
            try {
                checkPrinter();
            } catch (RuntimeException e) {
                LOG.debug("printer status check failed", e);
            }
        }, every.toMillis(), every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        statusChecks = pool;
    }

    // ---- queueing ------------------------------------------------------------------------------

    /**
     * Queues the receipt of a sale that has just completed; the sale is already recorded, whatever
     * happens here. Returns once the job is stored, without waiting for the printer.
     *
     * @return the job's id
     */
    public long enqueue(CompletedSale sale) {
        Receipt receipt = format.receiptOf(sale);
        return enqueue(sale.id(), sale.receiptNumber(), PrintJob.Kind.RECEIPT, format.escPos(receipt));
    }

    /** Queues any bytes for the printer, in a transaction of their own. */
    public long enqueue(UUID documentId, String receiptNumber, PrintJob.Kind kind, byte[] payload) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        long id = store.transaction(session -> session.printJobs().add(documentId, receiptNumber, kind, payload.clone(),
                clock.instant()));
        LOG.debug("print job {} queued: {} {}", id, kind, receiptNumber == null ? "" : receiptNumber);
        refreshWaiting();
        wakeWorker();
        return id;
    }

    /**
     * Queues a copy of a past receipt, rebuilt from its journal document and marked as a copy.
     *
     * @return the job's id
     * @throws IllegalArgumentException when there is no such receipt
     */
    public long reprint(String receiptNumber) {
        Receipt copy = copyOf(receiptNumber).orElseThrow(() -> new IllegalArgumentException(
                "there is no receipt " + receiptNumber.strip() + " on this till"));
        return enqueue(copy.documentId(), copy.receiptNumber(), PrintJob.Kind.REPRINT, format.escPos(copy));
    }

    /** The copy of a past receipt, as {@link #reprint} prints it; e.g. to show it on the screen. */
    public Optional<Receipt> copyOf(String receiptNumber) {
        return store.session().sales().documentOf(receiptNumber.strip()).map(format::copyFromJournal);
    }

    // ---- printing ------------------------------------------------------------------------------

    /**
     * Sends the queued jobs to the printer, oldest first, until the queue is empty or a job fails;
     * a failed job keeps its place, with the error and the attempt recorded. The worker calls this;
     * tests may call it directly to drive the queue step by step.
     */
    public Drain drainOnce() {
        synchronized (drainLock) {
            int printed = 0;
            while (true) {
                Optional<PrintJob> next = jobs().nextQueued();
                if (next.isEmpty()) {
                    refreshWaiting();
                    return new Drain(printed, 0, null);
                }
                PrintJob job = next.get();
                try {
                    printer.send(job.payload());
                } catch (IOException | RuntimeException e) {
                    String error = describe(e);
                    PrinterCondition condition = e instanceof PrinterNotReadyException notReady
                            ? notReady.condition() : PrinterCondition.UNREACHABLE;
                    jobs().recordFailure(job.id(), error);
                    long waiting = jobs().countQueued();
                    PrinterStatus before = status;
                    if (before.ok() || !error.equals(before.lastError())) {
                        LOG.warn("receipt printer {} failed, {} job(s) waiting: {}", printer.description(), waiting, error);
                    }
                    update(s -> s.failed(error, condition, clock.instant(), waiting));
                    return new Drain(printed, waiting, error);
                }
                jobs().markPrinted(job.id(), clock.instant());
                printed++;
                if (!status.ok()) {
                    LOG.info("receipt printer {} is printing again", printer.description());
                }
                long waiting = jobs().countQueued();
                PrinterCondition condition = printer.lastCondition();
                update(s -> s.printed(clock.instant(), waiting, condition));
            }
        }
    }

    /**
     * Asks the printer how it is (where its link allows) and shows the answer in the status; wakes
     * the worker when a printer that failed says it is ready again. Blocks for up to the driver's
     * timeout: call it off the UI thread.
     */
    public DeviceState checkPrinter() {
        DeviceState state;
        try {
            state = printer.query();
        } catch (IOException | RuntimeException e) {
            state = new DeviceState(e instanceof PrinterNotReadyException notReady ? notReady.condition()
                    : PrinterCondition.UNREACHABLE, null);
        }
        PrinterCondition condition = state.condition();
        update(s -> s.withCondition(condition));
        if (!status.ok() && condition.canPrint() && status.jobsWaiting() > 0) {
            retryNow();
        }
        for (Consumer<DeviceState> listener : deviceListeners) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                LOG.warn("printer state listener failed", e);
            }
        }
        return state;
    }

    /**
     * Calls {@code listener} with every answer of {@link #checkPrinter()} (the idle checks included),
     * on the thread that asked: e.g. to follow the drawer switch.
     *
     * @return removes the listener
     */
    public Runnable addDeviceListener(Consumer<DeviceState> listener) {
        Objects.requireNonNull(listener, "listener");
        deviceListeners.add(listener);
        return () -> deviceListeners.remove(listener);
    }

    /** Tries the printer at once, forgetting the growing delay (e.g. "Retry" after fixing the printer). */
    public void retryNow() {
        PrintWorker current;
        synchronized (this) {
            current = worker;
        }
        if (current != null) {
            current.retryNow();
        }
    }

    /** Gives up on a queued job (marked {@code FAILED}, never printed). Returns whether it was queued. */
    public boolean discard(long jobId, String reason) {
        boolean changed = jobs().markFailed(jobId, reason == null ? "discarded" : reason);
        refreshWaiting();
        if (changed) {
            LOG.info("print job {} discarded: {}", jobId, reason);
            wakeWorker(); // the job behind it may print now
        }
        return changed;
    }

    /** The jobs still waiting, oldest first. */
    public List<PrintJob> waiting() {
        return jobs().queued();
    }

    public Optional<PrintJob> job(long id) {
        return jobs().find(id);
    }

    // ---- status --------------------------------------------------------------------------------

    public PrinterStatus status() {
        return status;
    }

    /**
     * Calls {@code listener} with every new status, on the thread that changed it.
     *
     * @return removes the listener
     */
    public Runnable addListener(Consumer<PrinterStatus> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void refreshWaiting() {
        long waiting = jobs().countQueued();
        update(s -> s.withJobsWaiting(waiting));
    }

    private void update(java.util.function.UnaryOperator<PrinterStatus> change) {
        PrinterStatus next;
        synchronized (statusLock) {
            PrinterStatus before = status;
            next = change.apply(before);
            if (next.equals(before)) {
                return;
            }
            status = next;
        }
        for (Consumer<PrinterStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("printer status listener failed", e);
            }
        }
    }

    private void wakeWorker() {
        PrintWorker current;
        synchronized (this) {
            current = worker;
        }
        if (current != null) {
            current.wake();
        }
    }

    private PrintJobRepository jobs() {
        return store.session().printJobs();
    }

    /** A printer failure in words for the status bar. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
            Path file = Path.of(missing.getFile());
            return "cannot write to " + file + ": the folder " + file.getParent() + " does not exist";
        }
        if (e instanceof AccessDeniedException denied) {
            return "no permission to write to " + denied.getFile();
        }
        if (e instanceof FileSystemException fs) {
            return "cannot write to " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Stops the worker (a job being sent is finished first) and closes the printer connection. Queued jobs stay. */
    @Override
    public void close() {
        PrintWorker current;
        synchronized (this) {
            closed = true;
            current = worker;
            worker = null;
            if (statusChecks != null) {
                statusChecks.shutdownNow();
            }
        }
        if (current != null) {
            current.close();
        }
        try {
            printer.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing the receipt printer failed", e);
        }
    }
}
