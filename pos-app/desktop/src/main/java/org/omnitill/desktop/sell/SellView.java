package org.omnitill.desktop.sell;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.function.Function;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/** The sell screen: scan field, cart table and totals. Binds to {@link SellViewModel}. */
public final class SellView {

    private final SellViewModel model;
    private final Messages messages;
    private final String cashierName;
    private final Runnable onSignOut;
    private TextField scanField;

    public SellView(SellViewModel model, Messages messages, String cashierName, Runnable onSignOut) {
        this.model = model;
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
        cart.getColumns().add(column(messages.get("sell.column.item"), CartRow::name, 0.52, false));
        cart.getColumns().add(column(messages.get("sell.column.quantity"), CartRow::quantity, 0.14, true));
        cart.getColumns().add(column(messages.get("sell.column.price"), CartRow::unitPrice, 0.16, true));
        cart.getColumns().add(column(messages.get("sell.column.amount"), CartRow::amount, 0.18, true));
        model.lastChangedRowProperty().addListener((obs, old, row) -> {
            if (row.intValue() >= 0 && row.intValue() < cart.getItems().size()) {
                cart.getSelectionModel().clearAndSelect(row.intValue());
                cart.scrollTo(row.intValue());
            }
        });

        Label message = new Label();
        message.setId("sellMessage");
        message.getStyleClass().add(Styles.MESSAGE);
        message.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, old, isError) -> message.pseudoClassStateChanged(Styles.ERROR, isError));
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);

        VBox center = new VBox(12, top, cart, message);
        VBox.setVgrow(cart, Priority.ALWAYS);

        Label itemsLabel = new Label();
        itemsLabel.setId("itemCount");
        itemsLabel.textProperty().bind(model.itemCountProperty());
        Label totalCaption = new Label(messages.get("sell.total"));
        totalCaption.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
        Label total = new Label();
        total.setId("totalAmount");
        total.getStyleClass().add(Styles.TOTAL_AMOUNT);
        total.textProperty().bind(model.totalProperty());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label keys = new Label(messages.get("sell.keys"));
        keys.getStyleClass().add(Styles.HINT);
        keys.setWrapText(true);
        VBox totals = new VBox(8, itemsLabel, totalCaption, total, spacer, keys);
        totals.getStyleClass().add(Styles.TOTALS);
        totals.setPrefWidth(300);
        totals.setMinWidth(240);

        BorderPane root = new BorderPane(center);
        root.setRight(totals);
        BorderPane.setMargin(totals, new javafx.geometry.Insets(0, 0, 0, 16));
        root.getStyleClass().add(Styles.SELL);
        return root;
    }

    /** Puts the keyboard focus in the scan field. */
    public void focusScanField() {
        if (scanField != null) {
            scanField.requestFocus();
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
