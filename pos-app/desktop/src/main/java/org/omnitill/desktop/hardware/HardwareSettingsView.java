package org.omnitill.desktop.hardware;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.omnitill.desktop.TillWindow;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;
import org.omnitill.desktop.sell.WedgeScanFilter;

/** The hardware settings dialog; binds to {@link HardwareSettingsViewModel}. */
public final class HardwareSettingsView {

    private final HardwareSettingsViewModel model;
    private final Messages messages;
    private final Runnable onClosed;

    /** @param onClosed called when the dialog closes */
    public HardwareSettingsView(HardwareSettingsViewModel model, Messages messages, Runnable onClosed) {
        this.model = model;
        this.messages = messages;
        this.onClosed = onClosed;
    }

    public void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("hardware.title"));

        Label help = new Label(messages.get("hardware.help"));
        help.setWrapText(true);
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        ComboBox<String> printer = editable("hwPrinter", model.printerChoices(), model.printerProperty().get());
        printer.getEditor().textProperty().bindBidirectional(model.printerProperty());
        ComboBox<String> drawer = editable("hwDrawer", javafx.collections.FXCollections.observableArrayList(
                "none", "printer", "printer?pin=5", "printer?pin=2&on=100&off=200&kick=realtime"), model.drawerProperty().get());
        drawer.getEditor().textProperty().bindBidirectional(model.drawerProperty());
        ObservableList<String> displays = javafx.collections.FXCollections.observableArrayList("window", "none");
        model.serialChoices().addListener((javafx.collections.ListChangeListener<String>) change -> {
            displays.setAll("window", "none");
            displays.addAll(model.serialChoices());
        });
        ComboBox<String> display = editable("hwDisplay", displays, model.displayProperty().get());
        display.getEditor().textProperty().bindBidirectional(model.displayProperty());
        TextArea scanners = new TextArea();
        scanners.setId("hwScanners");
        scanners.setPrefRowCount(3);
        scanners.setPromptText("wedge\nserial:/dev/ttyACM0?baud=9600&suffix=CR");
        scanners.textProperty().bindBidirectional(model.scannersProperty());
        ComboBox<String> addScanner = new ComboBox<>(model.serialChoices());
        addScanner.setId("hwAddScanner");
        addScanner.setPromptText(messages.get("hardware.addScanner"));
        addScanner.setOnAction(event -> {
            String picked = addScanner.getValue();
            if (picked != null && !picked.isBlank()) {
                String text = model.scannersProperty().get();
                model.scannersProperty().set(text == null || text.isBlank() ? picked : text.strip() + "\n" + picked);
            }
        });

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(messages.get("hardware.printer")), printer);
        form.addRow(1, new Label(messages.get("hardware.drawer")), drawer);
        form.addRow(2, new Label(messages.get("hardware.display")), display);
        form.addRow(3, new Label(messages.get("hardware.scanners")), new VBox(6, scanners, addScanner));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        GridPane.setHgrow(printer, Priority.ALWAYS);
        printer.setMaxWidth(Double.MAX_VALUE);
        drawer.setMaxWidth(Double.MAX_VALUE);
        display.setMaxWidth(Double.MAX_VALUE);

        Button testPrint = button("hwTestPrint", "hardware.testPrint", model::testPrint);
        Button openDrawer = button("hwOpenDrawer", "hardware.openDrawer", model::openDrawer);
        Button status = button("hwStatus", "hardware.status", model::printerStatus);
        Button detect = button("hwDetect", "hardware.detect", model::detect);
        Button listen = button("hwListen", "hardware.listen", model::toggleListening);
        listen.textProperty().bind(Bindings.when(model.listeningProperty())
                .then(messages.get("hardware.stopListening")).otherwise(messages.get("hardware.listen")));
        testPrint.disableProperty().bind(model.busyProperty());
        openDrawer.disableProperty().bind(model.busyProperty());
        status.disableProperty().bind(model.busyProperty());

        ListView<String> seen = new ListView<>(model.scansSeen());
        seen.setId("hwScansSeen");
        seen.setPrefHeight(120);
        seen.setPlaceholder(new Label(messages.get("hardware.scanHere")));
        seen.setFocusTraversable(false);

        Label message = new Label();
        message.setId("hwMessage");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.getStyleClass().add(Styles.MESSAGE);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, old, failed) -> message.pseudoClassStateChanged(Styles.ERROR, failed));

        Button save = new Button(messages.get("hardware.save"));
        save.setId("hwSave");
        save.getStyleClass().add(Styles.ACTION);
        save.setOnAction(event -> model.save());
        Button close = new Button(messages.get("hub.close"));
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());

        VBox root = new VBox(12, help, form, new HBox(10, testPrint, openDrawer, status, detect),
                new HBox(10, listen), seen, message, new HBox(12, save, close));
        root.setPadding(new Insets(18));
        Scene scene = new Scene(root, 720, 640);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(TillWindow.STYLESHEET)).toExternalForm());
        // what a keyboard-wedge scanner sends, recognised by its timing, while the dialog is open
        WedgeScanFilter wedge = new WedgeScanFilter(model.wedge(), model::wedgeScan, node -> false);
        wedge.install(scene);
        stage.setOnHidden(event -> {
            wedge.uninstall();
            model.stopListening();
            onClosed.run();
        });
        stage.setScene(scene);
        stage.show();
        save.requestFocus();
    }

    private static ComboBox<String> editable(String id, ObservableList<String> items, String value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.getEditor().setText(value);
        return box;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
