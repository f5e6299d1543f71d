package org.omnitill.desktop.catalog;

import java.io.File;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.omnitill.desktop.TillWindow;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/** The catalog import window: pick a CSV, watch the progress, read every problem. */
public final class CatalogImportView {

    private final CatalogImportViewModel model;
    private final Messages messages;

    public CatalogImportView(CatalogImportViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(messages.get("import.title"));

        Label help = new Label(messages.get("import.help"));
        help.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("importStatus");
        status.getStyleClass().add(Styles.MESSAGE);
        status.textProperty().bind(model.statusProperty());
        model.failedProperty().addListener((obs, old, failed) -> status.pseudoClassStateChanged(Styles.ERROR, failed));
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("importProblems");
        VBox.setVgrow(problems, Priority.ALWAYS);

        Button choose = new Button(messages.get("import.choose"));
        choose.setId("importChoose");
        choose.getStyleClass().add(Styles.ACTION);
        choose.disableProperty().bind(model.runningProperty());
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("import.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.CSV"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                model.start(file.toPath());
            }
        });
        Button close = new Button(messages.get("import.close"));
        close.setId("importClose");
        close.setOnAction(event -> stage.close());
        HBox buttons = new HBox(12, choose, close);

        VBox root = new VBox(12, help, buttons, bar, status, problems);
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 640, 460);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(TillWindow.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
