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

    /** Types into the open input dialog and presses its OK button. */
    private void answerDialog(String answer) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#dialogInput").tryQuery().isPresent());
        robot.clickOn("#dialogInput").write(answer);
        robot.clickOn("OK");
    }

    /** Waits for the screen to get there; if it does not, fails saying what the screen shows instead. */
    private void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = robot.lookup("#sellMessage").tryQuery().map(n -> ((Label) n).getText()).orElse("(no sell screen)");
            String total = robot.lookup("#totalAmount").tryQuery().map(n -> ((Label) n).getText()).orElse("-");
            throw new AssertionError("the screen did not get there; message: '" + shown + "', total: " + total, e);
        }
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** A keyboard-wedge scanner: the whole code and Enter as key events in one burst, to whatever has the focus. */
    private void scanWithKeyboardWedge(String code) {
        robot.interact(() -> {
            javafx.scene.Node target = robot.lookup("#scanField").query().getScene().getFocusOwner();
            for (char c : code.toCharArray()) {
                KeyCode key = KeyCode.getKeyCode(String.valueOf(c));
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "", String.valueOf(c), key, false, false, false, false));
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED,
                        String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
                javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_RELEASED,
                        "", String.valueOf(c), key, false, false, false, false));
            }
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", KeyCode.ENTER, false, false, false, false));
            javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_RELEASED,
                    "", "", KeyCode.ENTER, false, false, false, false));
        });
    }

    @Test
    void aKeyboardWedgeScanIsTakenWhereverTheFocusIsAndNeverTypedIntoAnotherField() throws Exception {
        await(() -> robot.lookup(TestTill.CASHIER).tryQuery().isPresent());
        robot.clickOn(TestTill.CASHIER);
        for (char digit : TestTill.CASHIER_PIN.toCharArray()) {
            robot.clickOn("#key" + digit);
        }
        robot.clickOn("#signInButton");
        await(() -> robot.lookup("#scanField").tryQuery().isPresent());

        // the focus on a button: the scan rings the item up, the button is not pressed
        robot.interact(() -> robot.lookup("#signOutButton").query().requestFocus());
        scanWithKeyboardWedge(TestTill.EGGS);
        await(() -> "€3.29".equals(text("#totalAmount")));
        assertThat(text("#statusUser")).isEqualTo(TestTill.CASHIER);

        // paying, the focus in the cash amount field: the scan is refused and nothing lands in the field
        robot.clickOn("#actionPay");
        await(() -> "Due €3.29".equals(text("#payDue")));
        javafx.scene.control.TextField amount = robot.lookup("#payAmount").queryAs(javafx.scene.control.TextField.class);
        robot.interact(amount::requestFocus);
        scanWithKeyboardWedge(TestTill.TOMATOES);
        await(() -> text("#sellMessage").startsWith("Finish the payment first"));
        assertThat(amount.getText()).isEmpty();
        assertThat(text("#payDue")).isEqualTo("Due €3.29");
    }

    @Test
    void aCashierSignsInWithTheKeypadAndRingsUpAScannedItem() throws Exception {
        await(() -> robot.lookup(TestTill.CASHIER).tryQuery().isPresent());
        assertThat(text("#statusHub")).isEqualTo("Hub: not configured");
        assertThat(text("#statusPrinter")).isEqualTo("Printer: ready"); // which printer is in its tooltip
        assertThat(text("#demoHint")).contains("Alex Romero (cashier), PIN 1111");

        robot.clickOn(TestTill.CASHIER);
        for (char digit : TestTill.CASHIER_PIN.toCharArray()) {
            robot.clickOn("#key" + digit);
        }
        robot.clickOn("#signInButton");

        await(() -> robot.lookup("#scanField").tryQuery().isPresent());
        assertThat(text("#statusUser")).isEqualTo(TestTill.CASHIER);
        assertThat(text("#totalAmount")).isEqualTo("€0.00");

        robot.clickOn("#scanField").write(TestTill.EGGS).type(KeyCode.ENTER);
        await(() -> "€3.29".equals(text("#totalAmount")));
        robot.write("2*" + TestTill.TOMATOES).type(KeyCode.ENTER);
        await(() -> "€6.07".equals(text("#totalAmount")));
        robot.write("0.755*" + TestTill.BANANAS).type(KeyCode.ENTER);
        await(() -> "€7.80".equals(text("#totalAmount")));

        TableView<?> cart = robot.lookup("#cartTable").queryAs(TableView.class);
        assertThat(cart.getItems()).hasSize(3);
        assertThat(text("#itemCount")).isEqualTo("4 items");

        // 0.17 off the selected line (the bananas, rung up last: 1.73 - 0.17)
        robot.clickOn("#actionLineDiscount");
        answerDialog("0.17");
        await(() -> "€7.63".equals(text("#totalAmount")));

        // split: 5.00 on the card terminal, the rest in cash
        robot.clickOn("#actionPay");
        await(() -> "Due €7.63".equals(text("#payDue")));
        robot.clickOn("#payCard");
        robot.clickOn("#cardAmount").write("5.00");
        robot.clickOn("#cardLast4").write("4242");
        robot.clickOn("#cardApproval").write("A1B2C3").type(KeyCode.ENTER);
        await(() -> "Due €2.63".equals(text("#payDue")));
        robot.clickOn("#quickCash10");
        await(() -> "Sale T01-000002 done.".equals(text("#sellMessage")));
        assertThat(text("#changeDue")).isEqualTo("Change €7.37");

        Path receipts = dir.resolve("receipts.bin");
        await(() -> printed(receipts).contains("R-T01-000002"));
        assertThat(printed(receipts)).contains("Granja Alba Free Range Eggs", "La Huerta Cherry Tomatoes 250 g",
                "Bananas Canary Islands", "0.755 kg", "TOTAL", "7.63", "VISA ****4242", "Approval A1B2C3", "Change",
                "7.37", "Receipt: T01-000002");

        // the customer brings one pack of tomatoes back, with the receipt
        robot.clickOn("#actionReturn");
        answerDialog("R-T01-000002");
        await(() -> robot.lookup("#returnQuantity2").tryQuery().isPresent());
        robot.clickOn("#returnQuantity2").write("1").type(KeyCode.ENTER);
        await(() -> "-€1.39".equals(text("#totalAmount")));
        robot.clickOn("#actionPay");
        robot.clickOn("#payCash");
        await(() -> "Refund T01-000003 done.".equals(text("#sellMessage")));
        await(() -> printed(receipts).contains("R-T01-000003"));
        assertThat(printed(receipts)).contains("RETURN La Huerta Cherry Tomatoes", "from receipt T01-000002");
    }

    /** The receipt printer's file, read in the printer's code page. */
    private static String printed(Path file) {
        try {
            return java.nio.file.Files.exists(file)
                    ? new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.Charset.forName("IBM00858"))
                    : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWrongPinKeepsTheCashierOnTheSignInScreen() throws Exception {
        await(() -> robot.lookup(TestTill.CASHIER).tryQuery().isPresent());

        robot.clickOn(TestTill.CASHIER);
        robot.write("4321").type(KeyCode.ENTER);

        await(() -> !text("#loginMessage").isEmpty());
        assertThat(text("#loginMessage")).isEqualTo("That PIN is not right. 4 tries left before this user is locked out.");
        assertThat(robot.lookup("#scanField").tryQuery()).isEmpty();
    }
}
