package org.omnitill.desktop.display;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.omnitill.desktop.TillWindow;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;
import org.omnitill.desktop.sell.SellViewModel;

/**
 * The customer-facing display as a second window: the last item rung up, the total and the change.
 * On a machine with a second screen it opens there, full screen; otherwise as a small window.
 */
public final class CustomerDisplayWindow {

    private final Stage stage = new Stage();

    public CustomerDisplayWindow(SellViewModel model, Messages messages, String storeName) {
        Label welcome = new Label(storeName);
        welcome.getStyleClass().add(Styles.HEADER);
        Label lastLine = new Label();
        lastLine.setId("displayLastLine");
        lastLine.textProperty().bind(model.lastLineProperty());
        lastLine.setWrapText(true);
        Label totalCaption = new Label(messages.get("sell.total"));
        Label total = new Label();
        total.setId("displayTotal");
        total.getStyleClass().add(Styles.TOTAL_AMOUNT);
        total.textProperty().bind(model.totalProperty());
        Label change = new Label();
        change.setId("displayChange");
        change.getStyleClass().add(Styles.CHANGE);
        change.textProperty().bind(model.changeProperty());
        VBox root = new VBox(18, welcome, lastLine, totalCaption, total, change);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add(Styles.CUSTOMER_DISPLAY);
        Scene scene = new Scene(root, 640, 400);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(TillWindow.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.format("display.title", storeName));
    }

    /** Shows the display, full screen on a second screen if there is one. */
    public void show() {
        var screens = Screen.getScreens();
        if (screens.size() > 1) {
            var bounds = screens.get(1).getVisualBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setFullScreen(true);
        }
        stage.show();
    }

    public void close() {
        stage.close();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }
}
