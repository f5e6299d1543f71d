package org.omnitill.core.print;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print queue's background worker: one daemon thread ({@value #THREAD_NAME}) that drains the
 * queue when woken and, after a failure, tries again on its own with a growing delay. No polling: it
 * runs only when woken (a job was queued, staff asked to retry) or when a retry falls due.
 *
 * <p>A wake that arrives while a drain runs makes the worker drain once more right after, so a job
 * queued at that moment is never left waiting for the next one.
 */
final class PrintWorker implements AutoCloseable {

    static final String THREAD_NAME = "omnitill-print";

    private static final Logger LOG = LoggerFactory.getLogger(PrintWorker.class);

    private final BooleanSupplier drain;
    private final RetryBackoff backoff;
    private final ScheduledExecutorService executor;

    // guarded by this
    private ScheduledFuture<?> pending;
    private boolean running;
    private boolean again;
    private int failures;
    private boolean closed;

    /** @param drain prints what it can; {@code true} when the queue is empty, {@code false} when printing failed */
    PrintWorker(BooleanSupplier drain, RetryBackoff backoff) {
        this.drain = drain;
        this.backoff = backoff;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a retry due later is not waited for
        this.executor = pool;
    }

    /** Drain now (or right after the drain under way). */
    synchronized void wake() {
        if (closed) {
            return;
        }
        if (running) {
            again = true;
            return;
        }
        scheduleWithin(0);
    }

    /** Forget the failures so far and try at once, e.g. after staff refilled the paper. */
    synchronized void retryNow() {
        failures = 0;
        wake();
    }

    /** How many drains failed in a row. */
    synchronized int failures() {
        return failures;
    }

    /** Runs a drain within {@code delayMillis}, unless one is due sooner already. */
    private void scheduleWithin(long delayMillis) {
        if (pending != null && !pending.isDone()) {
            if (pending.getDelay(TimeUnit.MILLISECONDS) <= delayMillis) {
                return;
            }
            pending.cancel(false);
        }
        pending = executor.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        synchronized (this) {
            if (closed) {
                return;
            }
            running = true;
            again = false;
            pending = null; // this run; a retry is scheduled anew below
        }
        boolean empty;
        try {
            empty = drain.getAsBoolean();
        } catch (RuntimeException | Error e) {
            LOG.error("print queue drain failed", e);
            empty = false;
        }
        synchronized (this) {
            running = false;
            if (closed) {
                return;
            }
            failures = empty ? 0 : failures + 1;
            if (again) {
                scheduleWithin(0);
            } else if (!empty) {
                long delay = backoff.after(failures).toMillis();
                LOG.debug("printer failed {} time(s) in a row; next try in {} ms", failures, delay);
                scheduleWithin(delay);
            }
        }
    }

    /** Stops the worker, letting a drain under way finish (never interrupted: the store must not be). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the print worker is still busy after 10 s; leaving it (daemon thread)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
