package org.omnitill.desktop.cash;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.cash.CashMovement;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.report.ReportDocument;
import org.omnitill.desktop.common.Messages;

/** The cash office window: shift, cash movements, no-sale, X and Z, each behind a large button. */
public final class CashOfficeView {

    private final CashOfficeViewModel model;
    private final Messages messages;
    private final Runnable openDrawer;
    private Stage stage;

    public CashOfficeView(CashOfficeViewModel model, Messages messages, Runnable openDrawer) {
        this.model = model;
        this.messages = messages;
        this.openDrawer = openDrawer;
    }

    public void show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.get("cash.title"));
        Label shift = new Label();
        shift.textProperty().bind(model.shiftProperty());
        shift.getStyleClass().add("title-4");
        shift.setWrapText(true);
        Label message = new Label();
        message.setId("cashMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        FlowPane buttons = new FlowPane(10, 10,
                button("cashOpenShift", "cash.openShift", this::openShift),
                button("cashPaidIn", "cash.kind.PAID_IN", () -> move(CashMovement.Kind.PAID_IN)),
                button("cashPaidOut", "cash.kind.PAID_OUT", () -> move(CashMovement.Kind.PAID_OUT)),
                button("cashSafeDrop", "cash.kind.SAFE_DROP", () -> move(CashMovement.Kind.SAFE_DROP)),
                button("cashNoSale", "cash.noSale", () -> model.noSale(null, openDrawer)),
                button("cashCloseShift", "cash.closeShift", this::closeShift),
                button("cashX", "cash.x", () -> model.xReport(messages.locale(), this::preview)),
                button("cashZ", "cash.z", this::confirmZ),
                button("cashReports", "cash.reports", this::askRange));
        buttons.setPrefWrapLength(520);
        VBox root = new VBox(14, shift, buttons, message);
        root.setPadding(new Insets(18));
        Scene scene = new Scene(root, 620, 380);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        model.load();
        // reports are likely next: load the layout, fonts and PDF exporter while the window is read
        org.omnitill.core.report.PdfReports.warmUpInBackground();
        stage.show();
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setMinSize(170, 56);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A grid of denominations to count into; empty when cancelled or a count was wrong. */
    private java.util.Optional<CashCount> count(String titleKey) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(messages.get(titleKey));
        dialog.setHeaderText(messages.get("cash.countHint"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        Map<BigDecimal, TextField> fields = new LinkedHashMap<>();
        List<BigDecimal> values = model.office().denominations().values();
        int row = 0;
        for (BigDecimal value : values) {
            TextField field = new TextField();
            field.setId("count-" + value.toPlainString());
            field.setPrefColumnCount(5);
            fields.put(value, field);
            grid.add(new Label(value.toPlainString()), (row / 8) * 2, row % 8);
            grid.add(field, (row / 8) * 2 + 1, row % 8);
            row++;
        }
        if (values.isEmpty()) {
            TextField field = new TextField();
            fields.put(null, field);
            grid.addRow(0, new Label(messages.get("cash.amount")), field);
        }
        // the running total of what was typed: the cashier's own count, never the expected amount
        Label total = new Label();
        total.setId("countTotal");
        total.getStyleClass().add("title-4");
        Runnable update = () -> {
            Map<BigDecimal, String> now = new LinkedHashMap<>();
            fields.forEach((value, field) -> {
                if (!field.getText().isBlank()) {
                    now.put(value, field.getText());
                }
            });
            try {
                total.setText(messages.format("cash.countTotal",
                        CashCount.parse(model.office().denominations(), now).total().format(messages.locale())));
            } catch (org.omnitill.core.cash.CashException e) {
                total.setText(messages.get("cash.countCheck"));
            }
        };
        fields.values().forEach(field -> field.textProperty().addListener((obs, was, is) -> update.run()));
        update.run();
        grid.add(total, 0, 9, 4, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<BigDecimal, String> typed = new LinkedHashMap<>();
        fields.forEach((value, field) -> {
            if (!field.getText().isBlank()) {
                typed.put(value, field.getText());
            }
        });
        return java.util.Optional.ofNullable(model.parse(typed));
    }

    private void openShift() {
        count("cash.openShift").ifPresent(count -> model.openShift(count, () -> { }));
    }

    private void move(CashMovement.Kind kind) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(messages.get("cash.kind." + kind.name()));
        TextField amount = new TextField();
        amount.setId("cashAmount");
        ChoiceBox<String> reason = new ChoiceBox<>();
        reason.getItems().setAll(model.office().settings().cashReasons());
        TextField note = new TextField();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("cash.amount")), amount);
        if (kind != CashMovement.Kind.SAFE_DROP) {
            grid.addRow(1, new Label(messages.get("cash.reason")), reason);
        }
        grid.addRow(2, new Label(messages.get("cash.note")), note);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.move(kind, amount.getText(), reason.getValue(), note.getText()));
    }

    /** Blind count first; only then the expected amount and the variance are shown. */
    private void closeShift() {
        count("cash.closeShift").ifPresent(count -> model.check(count, this::confirmClose));
    }

    private void confirmClose(CashOffice.CloseCheck check) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(messages.get("cash.closeShift"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, new Label(messages.get("cash.counted")), new Label(check.counted().format(messages.locale())));
        grid.addRow(1, new Label(messages.get("cash.expected")), new Label(check.expected().format(messages.locale())));
        Label variance = new Label(check.variance().format(messages.locale()));
        variance.setId("cashVariance");
        grid.addRow(2, new Label(messages.get("cash.variance")), variance);
        TextField reason = new TextField();
        if (check.needsApproval()) {
            grid.add(new Label(messages.get("cash.varianceTooLarge")), 0, 3, 2, 1);
            grid.addRow(4, new Label(messages.get("cash.reason")), reason);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.close(check, reason.getText(), () -> { }));
    }

    private void askRange() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(messages.get("cash.reports"));
        ChoiceBox<CashOfficeViewModel.RangeReport> kind = new ChoiceBox<>();
        kind.getItems().setAll(CashOfficeViewModel.RangeReport.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CashOfficeViewModel.RangeReport value) {
                return value == null ? "" : messages.get("report.kind." + value.name());
            }

            @Override
            public CashOfficeViewModel.RangeReport fromString(String text) {
                return null;
            }
        });
        kind.setValue(CashOfficeViewModel.RangeReport.SALES);
        javafx.scene.control.DatePicker from = new javafx.scene.control.DatePicker(java.time.LocalDate.now());
        javafx.scene.control.DatePicker to = new javafx.scene.control.DatePicker(java.time.LocalDate.now());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("report.kind")), kind);
        grid.addRow(1, new Label(messages.get("report.from")), from);
        grid.addRow(2, new Label(messages.get("report.to")), to);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok ->
                model.rangeReport(kind.getValue(), from.getValue(), to.getValue(), messages.locale(), this::preview));
    }

    private void confirmZ() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle(messages.get("cash.z"));
        dialog.setContentText(messages.get("cash.zConfirm"));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.YES, ButtonType.NO);
        dialog.showAndWait().filter(ButtonType.YES::equals).ifPresent(yes -> model.closeDay(messages.locale(), this::preview));
    }

    /** The report's pages as images, with Save as PDF and Print; drawn in the background first. */
    private void preview(ReportDocument document) {
        model.pages(document, pngs -> showPreview(document, pngs));
    }

    private void showPreview(ReportDocument document, List<byte[]> pngs) {
        Stage window = new Stage();
        window.initOwner(stage);
        window.setTitle(document.title());
        VBox pages = new VBox(12);
        pages.setPadding(new Insets(12));
        for (byte[] png : pngs) {
            pages.getChildren().add(new ImageView(new javafx.scene.image.Image(new java.io.ByteArrayInputStream(png))));
        }
        Button save = new Button(messages.get("report.savePdf"));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            var file = chooser.showSaveDialog(window);
            if (file != null) {
                model.savePdf(document, file.toPath());
            }
        });
        Button print = new Button(messages.get("report.print"));
        print.setOnAction(e -> model.print(document));
        VBox root = new VBox(8, new FlowPane(8, 8, save, print), new ScrollPane(pages));
        root.setPadding(new Insets(8));
        window.setScene(new Scene(root, 820, 900));
        window.show();
    }
}
