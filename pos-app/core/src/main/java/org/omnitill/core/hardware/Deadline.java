package org.omnitill.core.hardware;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a blocking device call with a time limit: if it has not returned when the limit is up,
 * {@code abort} runs (it closes the device, which makes the blocked call return) and the call
 * fails with {@link DeviceTimeoutException}. No thread sleeps: the abort is a delayed task.
 */
final class Deadline {

    /** A blocking device call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABORTED = 2;

    private Deadline() {
    }

    static <T> T within(Duration limit, String what, Runnable abort, Call<T> call) throws IOException {
        AtomicInteger state = new AtomicInteger(RUNNING);
        CompletableFuture.delayedExecutor(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS).execute(() -> {
            if (state.compareAndSet(RUNNING, ABORTED)) {
                abort.run();
            }
        });
        T result;
        try {
            result = call.run();
        } catch (IOException | RuntimeException e) {
            if (!state.compareAndSet(RUNNING, DONE)) {
                throw new DeviceTimeoutException(what + " did not finish within " + limit.toMillis() + " ms", e);
            }
            throw e;
        }
        if (!state.compareAndSet(RUNNING, DONE)) {
            throw new DeviceTimeoutException(what + " did not finish within " + limit.toMillis() + " ms");
        }
        return result;
    }
}
