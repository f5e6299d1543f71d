package org.omnitill.desktop.hub;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.omnitill.desktop.TillWindow;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/** The hub dialog: address, one-time enrolment code, and who the till is enrolled as. */
public final class HubSettingsView {

    private final HubSettingsViewModel model;
    private final Messages messages;

    public HubSettingsView(HubSettingsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("hub.title"));

        Label help = new Label(messages.get("hub.help"));
        help.setWrapText(true);
        Label enrolled = new Label();
        enrolled.setId("hubEnrolledAs");
        enrolled.textProperty().bind(model.enrolledAsProperty());
        TextField url = new TextField();
        url.setId("hubUrl");
        url.setPromptText("https://hub.example.com");
        url.textProperty().bindBidirectional(model.hubUrlProperty());
        TextField code = new TextField();
        code.setId("hubCode");
        code.setPromptText("XXXX-XXXX-XXXX");
        code.textProperty().bindBidirectional(model.codeProperty());
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(messages.get("hub.url")), url);
        form.addRow(1, new Label(messages.get("hub.code")), code);
        url.setPrefColumnCount(28);

        Label message = new Label();
        message.setId("hubMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.MESSAGE);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((obs, old, failed) -> message.pseudoClassStateChanged(Styles.ERROR, failed));

        Button enrol = new Button(messages.get("hub.enrol"));
        enrol.setId("hubEnrol");
        enrol.getStyleClass().add(Styles.ACTION);
        enrol.setDefaultButton(true);
        enrol.disableProperty().bind(model.busyProperty());
        enrol.setOnAction(event -> model.enrol());
        Button close = new Button(messages.get("hub.close"));
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());

        VBox root = new VBox(14, help, enrolled, form, new HBox(12, enrol, close), message);
        root.setPadding(new Insets(18));
        Scene scene = new Scene(root, 560, 340);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(TillWindow.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
        code.requestFocus();
    }
}
