package org.omnitill.desktop.sell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/**
 * The sell screen: scan field, cart table, totals or payment panel, and an action bar whose buttons
 * show their keyboard shortcuts. Binds to {@link SellViewModel}; dialogs only collect input.
 */
public final class SellView {

    private final SellViewModel model;
    private final Messages messages;
    private final String cashierName;
    private final Runnable onSignOut;
    private final String storeName;
    private org.omnitill.desktop.display.CustomerDisplayWindow customerDisplay;
    private Runnable onImportCatalog = () -> { };
    private Runnable onCashOffice = () -> { };
    private TextField scanField;
    private TextField payAmount;

    public SellView(SellViewModel model, Messages messages, String storeName, String cashierName, Runnable onSignOut) {
        this.model = model;
        this.storeName = storeName;
        this.messages = messages;
        this.cashierName = cashierName;
        this.onSignOut = onSignOut;
    }

    public Node build() {
        scanField = new TextField();
        scanField.setId("scanField");
        scanField.getStyleClass().add(Styles.SCAN_FIELD);
        scanField.setPromptText(messages.get("sell.scan.prompt"));
        scanField.textProperty().bindBidirectional(model.scanTextProperty());
        scanField.setOnAction(event -> model.submitScan());
        scanField.disableProperty().bind(model.payingProperty());
        HBox.setHgrow(scanField, Priority.ALWAYS);

        Label cashier = new Label(cashierName, new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        cashier.setId("cashierName");
        Button signOut = new Button(messages.get("sell.signOut"), new FontIcon(Material2AL.EXIT_TO_APP));
        signOut.setId("signOutButton");
        signOut.getStyleClass().add(Styles.ACTION);
        signOut.setOnAction(event -> onSignOut.run());
        HBox top = new HBox(12, scanField, cashier, signOut);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<CartRow> cart = new TableView<>(model.rows());
        cart.setId("cartTable");
        cart.getStyleClass().add(Styles.CART);
        cart.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        cart.setPlaceholder(new Label(messages.get("sell.cart.empty")));
        cart.setFocusTraversable(false);
        cart.getColumns().add(column("#", row -> String.valueOf(row.number()), 0.05, true));
        cart.getColumns().add(column(messages.get("sell.column.item"), CartRow::name, 0.35, false));
        cart.getColumns().add(column(messages.get("sell.column.quantity"), CartRow::quantity, 0.13, true));
        cart.getColumns().add(column(messages.get("sell.column.price"), CartRow::unitPrice, 0.12, true));
        cart.getColumns().add(column(messages.get("sell.column.amount"), CartRow::amount, 0.13, true));
        cart.getColumns().add(column(messages.get("sell.column.note"), CartRow::note, 0.22, false));
        cart.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) ->
                model.selectedLineProperty().set(index.intValue() + 1));
        model.lastChangedRowProperty().addListener((obs, old, row) -> select(cart, row.intValue()));
        model.rows().addListener((javafx.collections.ListChangeListener<CartRow>) change -> {
            if (cart.getSelectionModel().getSelectedIndex() < 0 && !cart.getItems().isEmpty()) {
                select(cart, cart.getItems().size() - 1);
            }
        });

        Label message = new Label();
        message.setId("sellMessage");
        message.getStyleClass().add(Styles.MESSAGE);
        message.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, old, isError) -> message.pseudoClassStateChanged(Styles.ERROR, isError));
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);

        ListView<ProductSearch.Hit> results = new ListView<>(model.searchResults());
        results.setId("searchResults");
        results.setPrefHeight(220);
        results.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ProductSearch.Hit hit, boolean empty) {
                super.updateItem(hit, empty);
                setText(empty || hit == null ? null : hit.name() + "  \u00b7  " + hit.sku() + "  \u00b7  "
                        + hit.price().format(model.locale()) + (hit.unit() == org.omnitill.core.catalog.Unit.KG ? "/kg" : ""));
            }
        });
        results.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.searchResults()));
        results.managedProperty().bind(results.visibleProperty());
        results.setOnMouseClicked(event -> pick(results));
        results.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                pick(results);
            } else if (event.getCode() == KeyCode.ESCAPE) {
                scanField.clear();
                focusScanField();
            }
        });
        scanField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !model.searchResults().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                scanField.clear();
            }
        });

        VBox center = new VBox(12, top, results, cart, message, actionBar());
        VBox.setVgrow(cart, Priority.ALWAYS);

        StackPane side = new StackPane(totalsPanel(), paymentPanel());
        side.setPrefWidth(330);
        side.setMinWidth(280);

        BorderPane root = new BorderPane(center);
        root.setRight(side);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 16));
        root.getStyleClass().add(Styles.SELL);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        return root;
    }

    private Node totalsPanel() {
        Label itemsLabel = new Label();
        itemsLabel.setId("itemCount");
        itemsLabel.textProperty().bind(model.itemCountProperty());
        Label totalCaption = new Label(messages.get("sell.total"));
        totalCaption.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
        Label total = new Label();
        total.setId("totalAmount");
        total.getStyleClass().add(Styles.TOTAL_AMOUNT);
        total.textProperty().bind(model.totalProperty());
        Label summary = new Label();
        summary.setId("totalSummary");
        summary.textProperty().bind(model.summaryProperty());
        Label stock = new Label();
        stock.setId("stockLevels");
        stock.setWrapText(true);
        stock.getStyleClass().add(Styles.MESSAGE);
        stock.textProperty().bind(model.stockLevelsProperty());
        Label change = new Label();
        change.setId("changeDue");
        change.getStyleClass().add(Styles.CHANGE);
        change.textProperty().bind(model.changeProperty());
        change.setWrapText(true);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label keys = new Label(messages.get("sell.keys"));
        keys.getStyleClass().add(Styles.HINT);
        keys.setWrapText(true);
        VBox totals = new VBox(8, itemsLabel, totalCaption, total, summary, change, stock, spacer, keys);
        totals.getStyleClass().add(Styles.TOTALS);
        totals.visibleProperty().bind(model.payingProperty().not());
        return totals;
    }

    private Node paymentPanel() {
        Label title = new Label(messages.get("pay.title"));
        title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
        Label due = new Label();
        due.setId("payDue");
        due.getStyleClass().add(Styles.TOTAL_AMOUNT);
        due.textProperty().bind(model.dueProperty());
        due.setWrapText(true);
        Label dueInCash = new Label();
        dueInCash.setId("payDueInCash");
        dueInCash.textProperty().bind(model.dueInCashProperty());
        ListView<String> tenders = new ListView<>(model.tenders());
        tenders.setId("payTenders");
        tenders.setPrefHeight(110);
        tenders.setFocusTraversable(false);

        payAmount = new TextField();
        payAmount.setId("payAmount");
        payAmount.setPromptText(messages.get("pay.amount.prompt"));
        payAmount.setOnAction(event -> payCash());
        FlowPane quick = new FlowPane(6, 6);
        for (String amount : new String[] {"5", "10", "20", "50"}) {
            Button button = new Button(amount);
            button.setId("quickCash" + amount);
            button.getStyleClass().add(Styles.KEY);
            button.setOnAction(event -> {
                payAmount.setText(amount);
                payCash();
            });
            quick.getChildren().add(button);
        }
        Button cash = new Button(messages.get("pay.cash"), new FontIcon(Material2AL.ATTACH_MONEY));
        cash.setId("payCash");
        cash.getStyleClass().addAll(Styles.ACTION, atlantafx.base.theme.Styles.ACCENT);
        cash.setMaxWidth(Double.MAX_VALUE);
        cash.setOnAction(event -> payCash());
        Button card = new Button(messages.get("pay.card"), new FontIcon(Material2AL.CREDIT_CARD));
        card.setId("payCard");
        card.getStyleClass().add(Styles.ACTION);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setOnAction(event -> payCard());
        Button cancel = new Button(messages.get("pay.cancel"));
        cancel.setId("payCancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.setOnAction(event -> model.cancelPayment());

        VBox panel = new VBox(10, title, due, dueInCash, tenders, payAmount, quick, cash, card, cancel);
        panel.getStyleClass().add(Styles.TOTALS);
        panel.visibleProperty().bind(model.payingProperty());
        panel.disableProperty().bind(model.busyProperty());
        model.payingProperty().addListener((obs, old, paying) -> {
            if (paying) {
                payAmount.clear();
                payAmount.requestFocus();
            } else {
                focusScanField();
            }
        });
        return panel;
    }

    private Node actionBar() {
        FlowPane bar = new FlowPane(8, 8);
        bar.setId("actionBar");
        bar.getChildren().addAll(
                action("actionQuantity", "sell.action.quantity", this::askQuantity),
                action("actionPrice", "sell.action.price", this::askPrice),
                action("actionLineDiscount", "sell.action.lineDiscount", this::askLineDiscount),
                action("actionBasketDiscount", "sell.action.basketDiscount", this::askBasketDiscount),
                action("actionVoidLine", "sell.action.voidLine", model::voidLine),
                action("actionVoidSale", "sell.action.voidSale", this::confirmVoidSale),
                action("actionReturn", "sell.action.return", this::askReturn),
                action("actionPay", "sell.action.pay", model::startPayment),
                action("actionQuickKeys", "sell.action.quickKeys", this::showQuickKeys),
                action("actionPark", "sell.action.park", this::askPark),
                action("actionRecall", "sell.action.recall", () -> model.listParked(this::chooseParked)),
                action("actionReprint", "sell.action.reprint", this::askReprint),
                action("actionDisplay", "sell.action.display", this::toggleCustomerDisplay),
                action("actionCash", "sell.action.cash", () -> onCashOffice.run()),
                action("actionImport", "sell.action.import", () -> onImportCatalog.run()));
        bar.disableProperty().bind(model.payingProperty());
        return bar;
    }

    private Button action(String id, String key, Runnable command) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.getStyleClass().add(Styles.ACTION);
        button.setOnAction(event -> command.run());
        return button;
    }

    private void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F3), this::askQuantity);
        accelerators.put(new KeyCodeCombination(KeyCode.F4), this::askPrice);
        accelerators.put(new KeyCodeCombination(KeyCode.F5), this::askLineDiscount);
        accelerators.put(new KeyCodeCombination(KeyCode.F6), this::askBasketDiscount);
        accelerators.put(new KeyCodeCombination(KeyCode.F7), model::voidLine);
        accelerators.put(new KeyCodeCombination(KeyCode.F8), this::confirmVoidSale);
        accelerators.put(new KeyCodeCombination(KeyCode.F9), this::askReturn);
        accelerators.put(new KeyCodeCombination(KeyCode.F12), model::startPayment);
        accelerators.put(new KeyCodeCombination(KeyCode.F11), this::toggleCustomerDisplay);
        accelerators.put(new KeyCodeCombination(KeyCode.F10), this::askReprint);
        accelerators.put(new KeyCodeCombination(KeyCode.F1), this::showQuickKeys);
        accelerators.put(new KeyCodeCombination(KeyCode.K, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                () -> onCashOffice.run());
    }

    /** What the "Cash office" action (Ctrl+K) opens. */
    public void setOnCashOffice(Runnable action) {
        this.onCashOffice = action;
    }

    /** What the "Import catalog" action opens (back office; the window owner decides). */
    public void setOnImportCatalog(Runnable action) {
        this.onImportCatalog = action;
    }

    /** Opens or closes the customer display window. */
    private void toggleCustomerDisplay() {
        if (customerDisplay != null && customerDisplay.isShowing()) {
            customerDisplay.close();
            return;
        }
        customerDisplay = new org.omnitill.desktop.display.CustomerDisplayWindow(model, messages, storeName);
        customerDisplay.show();
    }

    /** Closes windows this screen opened (the customer display), e.g. on sign-out. */
    public void close() {
        if (customerDisplay != null) {
            customerDisplay.close();
        }
    }

    /** Whether {@code node} is the scan field (which takes keyboard-wedge scans as typing). */
    public boolean isScanField(javafx.scene.Node node) {
        return node != null && node == scanField;
    }

    /** Puts the keyboard focus in the scan field. */
    public void focusScanField() {
        if (scanField != null) {
            scanField.requestFocus();
        }
    }

    private void pick(ListView<ProductSearch.Hit> results) {
        ProductSearch.Hit hit = results.getSelectionModel().getSelectedItem();
        if (hit != null) {
            model.addSearchResult(hit);
            focusScanField();
        }
    }

    private void payCash() {
        model.payCash(payAmount.getText());
        payAmount.clear();
    }

    private void askQuantity() {
        ask("dialog.quantity", "").ifPresent(model::changeQuantity);
    }

    private void askPrice() {
        ask("dialog.price", "").ifPresent(model::overridePrice);
    }

    private void askLineDiscount() {
        ask("dialog.lineDiscount", "10%").ifPresent(model::discountLine);
    }

    private void askBasketDiscount() {
        ask("dialog.basketDiscount", "10%").ifPresent(model::discountBasket);
    }

    private void confirmVoidSale() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("dialog.voidSale.title"));
        dialog.setContentText(messages.get("dialog.voidSale.text"));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.YES, ButtonType.NO);
        dialog.showAndWait().filter(ButtonType.YES::equals).ifPresent(yes -> model.voidSale());
    }

    private void showQuickKeys() {
        new QuickKeysView(model, messages).show(scanField.getScene().getWindow());
    }

    private void askPark() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.get("dialog.park.title"));
        dialog.setHeaderText(messages.get("dialog.park.header"));
        dialog.getEditor().setId("dialogInput");
        dialog.showAndWait().ifPresent(model::park);
    }

    private void chooseParked(java.util.List<org.omnitill.core.sale.ParkedSaleRepository.Summary> parked) {
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter
                .ofLocalizedTime(java.time.format.FormatStyle.SHORT).withLocale(model.locale())
                .withZone(java.time.ZoneId.systemDefault());
        java.util.Map<String, org.omnitill.core.sale.ParkedSaleRepository.Summary> byText = new LinkedHashMap<>();
        for (var summary : parked) {
            byText.put(messages.format("dialog.recall.item", summary.label(), time.format(summary.parkedAt()),
                    summary.staffName(), summary.itemCount()), summary);
        }
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(
                byText.keySet().iterator().next(), byText.keySet());
        dialog.setTitle(messages.get("dialog.recall.title"));
        dialog.setHeaderText(messages.get("dialog.recall.header"));
        dialog.showAndWait().map(byText::get).ifPresent(model::recall);
    }

    private void askReprint() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.get("dialog.reprint.title"));
        dialog.setHeaderText(messages.get("dialog.reprint.header"));
        dialog.getEditor().setId("dialogInput");
        dialog.showAndWait().ifPresent(model::reprint);
    }

    private void askReturn() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.get("dialog.return.title"));
        dialog.setHeaderText(messages.get("dialog.return.header"));
        dialog.getEditor().setId("dialogInput");
        dialog.showAndWait().map(String::strip).ifPresent(number -> {
            if (number.isEmpty()) {
                askReturnWithoutReceipt();
            } else {
                model.findReceipt(number, this::chooseReturnLines);
            }
        });
    }

    private void askReturnWithoutReceipt() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("dialog.noReceipt.title"));
        dialog.setHeaderText(messages.get("dialog.noReceipt.header"));
        TextField barcode = field("noReceiptBarcode", "");
        TextField quantity = field("noReceiptQuantity", "1");
        TextField refund = field("noReceiptRefund", messages.get("dialog.noReceipt.refundPrompt"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("dialog.noReceipt.barcode")), barcode);
        grid.addRow(1, new Label(messages.get("dialog.noReceipt.quantity")), quantity);
        grid.addRow(2, new Label(messages.get("dialog.noReceipt.refund")), refund);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(ok -> model.returnWithoutReceipt(barcode.getText(), quantity.getText(), refund.getText()));
    }

    private void chooseReturnLines(SaleRepository.SoldReceipt receipt) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.format("dialog.returnLines.title", receipt.receiptNumber()));
        dialog.setHeaderText(messages.get("dialog.returnLines.header"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        Map<Integer, TextField> fields = new LinkedHashMap<>();
        int row = 0;
        for (SaleRepository.SoldLine line : receipt.lines()) {
            if (line.quantity().signum() <= 0) {
                continue;
            }
            grid.add(new Label(messages.format("dialog.returnLines.line", line.lineNumber(), line.product().name(),
                    line.quantity().stripTrailingZeros().toPlainString(),
                    line.returned().stripTrailingZeros().toPlainString())), 0, row);
            TextField quantity = new TextField();
            quantity.setId("returnQuantity" + line.lineNumber());
            quantity.setPrefColumnCount(5);
            quantity.setPromptText(line.returnable().stripTrailingZeros().toPlainString());
            grid.add(quantity, 1, row++);
            fields.put(line.lineNumber(), quantity);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            Map<Integer, String> quantities = new LinkedHashMap<>();
            fields.forEach((line, field) -> quantities.put(line, field.getText()));
            model.returnFromReceipt(receipt, quantities);
        });
    }

    private void payCard() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("dialog.card.title"));
        dialog.setHeaderText(messages.get("dialog.card.header"));
        TextField amount = field("cardAmount", messages.get("dialog.card.amountPrompt"));
        amount.setText(payAmount.getText());
        ComboBox<String> brand = new ComboBox<>();
        brand.setId("cardBrand");
        brand.setEditable(true);
        brand.getItems().addAll("VISA", "Mastercard", "Maestro", "American Express", "Discover");
        brand.setValue("VISA");
        TextField last4 = field("cardLast4", "1234");
        TextField approval = field("cardApproval", "");
        TextField reference = field("cardReference", "");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("dialog.card.amount")), amount);
        grid.addRow(1, new Label(messages.get("dialog.card.brand")), brand);
        grid.addRow(2, new Label(messages.get("dialog.card.last4")), last4);
        grid.addRow(3, new Label(messages.get("dialog.card.approval")), approval);
        grid.addRow(4, new Label(messages.get("dialog.card.reference")), reference);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> {
            model.payCard(amount.getText(), brand.getEditor().getText(), last4.getText(), approval.getText(),
                    reference.getText());
            payAmount.clear();
        });
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private Optional<String> ask(String key, String prompt) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(messages.get(key + ".title"));
        dialog.setHeaderText(messages.get(key + ".header"));
        dialog.getEditor().setId("dialogInput");
        dialog.getEditor().setPromptText(prompt);
        return dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }

    private static void select(TableView<CartRow> cart, int row) {
        if (row >= 0 && row < cart.getItems().size()) {
            cart.getSelectionModel().clearAndSelect(row);
            cart.scrollTo(row);
        }
    }

    private static TableColumn<CartRow, String> column(String title, Function<CartRow, String> value, double width,
                                                       boolean alignRight) {
        TableColumn<CartRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setReorderable(false);
        column.setPrefWidth(width * 1_000); // proportions; the constrained policy fits them to the table
        if (alignRight) {
            column.getStyleClass().add(Styles.NUMERIC);
        }
        return column;
    }
}
