package org.omnitill.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.desktop.common.Tasks;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import javafx.application.Platform;

/** Drives the real till window, headless (Monocle), through sign-in and a first scan. */
class TillWindowTest {

    @TempDir
    Path dir;
    private Till till;
    private Tasks storeTasks;
    private Tasks networkTasks;
    private TillWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void showTheWindow() throws Exception {
        till = TestTill.demo(dir);
        storeTasks = new Tasks(Tasks.namedPool("test-store", 1), Platform::runLater);
        networkTasks = new Tasks(Tasks.namedPool("test-network", 1), Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            window = new TillWindow(till, TestTill.english(), storeTasks, networkTasks, Clock.systemDefaultZone());
            window.show(stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        FxToolkit.setupFixture(() -> window.stop());
        FxToolkit.cleanupStages();
        storeTasks.close();
        networkTasks.close();
        till.close();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void aCashierSignsInWithTheKeypadAndRingsUpAScannedItem() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(TestTill.CASHIER).tryQuery().isPresent());
        assertThat(text("#statusHub")).isEqualTo("Hub: not configured");
        assertThat(text("#statusPrinter")).isEqualTo("Printer: not configured");
        assertThat(text("#demoHint")).contains("Alex Romero (cashier), PIN 1111");

        robot.clickOn(TestTill.CASHIER);
        for (char digit : TestTill.CASHIER_PIN.toCharArray()) {
            robot.clickOn("#key" + digit);
        }
        robot.clickOn("#signInButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#scanField").tryQuery().isPresent());
        assertThat(text("#statusUser")).isEqualTo(TestTill.CASHIER);
        assertThat(text("#totalAmount")).isEqualTo("€0.00");

        robot.clickOn("#scanField").write(TestTill.EGGS).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "€3.29".equals(text("#totalAmount")));
        robot.write("2*" + TestTill.TOMATOES).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "€6.07".equals(text("#totalAmount")));

        TableView<?> cart = robot.lookup("#cartTable").queryAs(TableView.class);
        assertThat(cart.getItems()).hasSize(2);
        assertThat(text("#itemCount")).isEqualTo("3 items");
    }

    @Test
    void aWrongPinKeepsTheCashierOnTheSignInScreen() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(TestTill.CASHIER).tryQuery().isPresent());

        robot.clickOn(TestTill.CASHIER);
        robot.write("4321").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text("#loginMessage").isEmpty());
        assertThat(text("#loginMessage")).isEqualTo("That PIN is not right. Try again.");
        assertThat(robot.lookup("#scanField").tryQuery()).isEmpty();
    }
}
