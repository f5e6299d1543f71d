package org.omnitill.desktop.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the till runs work off the UI thread: database, printer, serial port, HTTP. Work runs
 * on a named background executor; its result or failure is delivered on the UI executor. A task
 * whose failure has no handler is logged, never silently lost.
 *
 * <pre>{@code
 * tasks.run(() -> catalog.findByBarcode(code))
 *      .onSuccess(found -> ...)
 *      .onFailure(error -> ...)
 *      .start();
 * }</pre>
 */
public final class Tasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    private final Executor background;
    private final Executor ui;

    /**
     * @param background where work runs; closed with this helper when it is an {@link ExecutorService}
     * @param ui         where results are delivered: {@code Platform::runLater} in the till
     */
    public Tasks(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Background threads named {@code omnitill-NAME-N}; daemon, so they never keep a closed till alive. */
    public static ExecutorService namedPool(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "omnitill-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("uncaught error on {}", t.getName(), e));
            return thread;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    public <T> Builder<T> run(Callable<T> work) {
        return new Builder<>(Objects.requireNonNull(work, "work"));
    }

    public Builder<Void> run(ThrowingRunnable work) {
        return new Builder<>(() -> {
            work.run();
            return null;
        });
    }

    /** A unit of work without a result that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A task being put together; nothing runs until {@link #start()}. */
    public final class Builder<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<? super Throwable> onFailure;
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> onFailure(Consumer<? super Throwable> handler) {
            this.onFailure = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs on the UI executor after success or failure, e.g. to clear a busy flag. */
        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        public void start() {
            background.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    ui.execute(() -> {
                        try {
                            if (onFailure != null) {
                                onFailure.accept(e);
                            } else {
                                LOG.error("background task failed and nobody handled it", e);
                            }
                        } finally {
                            andFinally.run();
                        }
                    });
                    return;
                }
                ui.execute(() -> {
                    try {
                        onSuccess.accept(result);
                    } finally {
                        andFinally.run();
                    }
                });
            });
        }
    }

    @Override
    public void close() {
        if (!(background instanceof ExecutorService pool)) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
