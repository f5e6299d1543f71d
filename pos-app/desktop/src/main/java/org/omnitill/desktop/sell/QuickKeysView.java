package org.omnitill.desktop.sell;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.Unit;
import org.omnitill.desktop.TillWindow;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/** Large touch buttons for items without a barcode at hand: favourites and each category. */
final class QuickKeysView {

    private final SellViewModel model;
    private final Messages messages;
    private final Stage stage = new Stage();
    private final FlowPane products = new FlowPane(8, 8);

    QuickKeysView(SellViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    void show(Window owner) {
        VBox groups = new VBox(6);
        groups.setId("quickKeyGroups");
        groups.setPadding(new Insets(8));
        ToggleGroup toggle = new ToggleGroup();
        model.quickKeyGroups(names -> {
            for (String name : names) {
                ToggleButton button = new ToggleButton(SellViewModel.FAVOURITES.equals(name)
                        ? messages.get("quick.favourites") : name);
                button.getStyleClass().add(Styles.ACTION);
                button.setMaxWidth(Double.MAX_VALUE);
                button.setToggleGroup(toggle);
                button.setOnAction(event -> model.quickKeys(name, this::showProducts));
                groups.getChildren().add(button);
            }
            if (!groups.getChildren().isEmpty()) {
                ((ToggleButton) groups.getChildren().get(0)).fire();
            }
        });
        products.setId("quickKeys");
        products.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(products);
        scroll.setFitToWidth(true);
        BorderPane root = new BorderPane(scroll);
        root.setLeft(new ScrollPane(groups));
        Scene scene = new Scene(root, 900, 560);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(TillWindow.STYLESHEET)).toExternalForm());
        stage.initOwner(owner);
        stage.setTitle(messages.get("quick.title"));
        stage.setScene(scene);
        stage.show();
    }

    private void showProducts(List<ProductSearch.Hit> hits) {
        products.getChildren().clear();
        if (hits.isEmpty()) {
            products.getChildren().add(new Label(messages.get("quick.none")));
        }
        for (ProductSearch.Hit hit : hits) {
            Button button = new Button(hit.name() + "\n" + hit.price().format(model.locale())
                    + (hit.unit() == Unit.KG ? "/kg" : ""));
            button.getStyleClass().add(Styles.QUICK_KEY);
            button.setWrapText(true);
            button.setOnAction(event -> model.addSearchResult(hit));
            products.getChildren().add(button);
        }
    }
}
