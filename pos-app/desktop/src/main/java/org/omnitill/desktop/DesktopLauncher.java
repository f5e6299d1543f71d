package org.omnitill.desktop;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.omnitill.core.Till;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit, shows the till window and blocks until it is closed. The till is
 * opened and closed by the caller, so the toolkit never owns the database.
 */
final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    static void showAndWait(Till till, Messages messages) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        try (Tasks storeTasks = new Tasks(Tasks.namedPool("store", 1), Platform::runLater);
             Tasks networkTasks = new Tasks(Tasks.namedPool("network", 1), Platform::runLater)) {
            Platform.startup(() -> {
                try {
                    Stage stage = new Stage();
                    TillWindow window = new TillWindow(till, messages, storeTasks, networkTasks, Clock.systemDefaultZone());
                    stage.setOnHidden(event -> {
                        window.stop();
                        closed.countDown();
                    });
                    window.show(stage);
                } catch (RuntimeException e) {
                    LOG.error("the till window could not be shown", e);
                    closed.countDown();
                }
            });
            closed.await();
        } finally {
            Platform.exit();
        }
    }
}
