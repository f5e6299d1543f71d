package org.omnitill.desktop;

import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.desktop.demo.DemoHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the demo hub beside the demo till without delaying the window: the hub opens, seeds and
 * enrols the till on its own thread, and the status bar shows the till going online when it is done.
 * If it fails the till works alone, as it would with any unreachable hub.
 */
final class DemoHubThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHubThread.class);

    private final Thread thread;
    private volatile DemoHub hub;
    private volatile boolean closed;

    private DemoHubThread(DataDirectory directory, Till till, String version) {
        thread = new Thread(() -> {
            try {
                DemoHub started = DemoHub.start(directory.root().resolve("demo-hub"), version);
                synchronized (this) {
                    if (closed) {
                        started.close();
                        return;
                    }
                    hub = started;
                }
                started.connect(till);
            } catch (Exception e) {
                LOG.error("the demo hub could not start; the till works without it", e);
            }
        }, "demo-hub");
        thread.setDaemon(true);
    }

    static DemoHubThread start(DataDirectory directory, Till till, String version) {
        DemoHubThread demo = new DemoHubThread(directory, till, version);
        demo.thread.start();
        return demo;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (hub != null) {
            hub.close();
        }
    }
}
