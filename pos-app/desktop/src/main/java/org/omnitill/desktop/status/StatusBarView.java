package org.omnitill.desktop.status;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.omnitill.desktop.common.Styles;

/** The status bar along the bottom of the till window. */
public final class StatusBarView {

    private static final Duration CLOCK_TICK = Duration.seconds(1);

    private final StatusViewModel model;
    private final Timeline clockTicks = new Timeline();
    private final Runnable openHubSettings;
    private Runnable openHardwareSettings = () -> { };

    /** @param openHubSettings what a click on the hub item does (the hub and enrolment dialog) */
    public StatusBarView(StatusViewModel model, Runnable openHubSettings) {
        this.model = model;
        this.openHubSettings = openHubSettings;
    }

    public Node build() {
        Label till = item("statusTill", new FontIcon(Material2MZ.STOREFRONT));
        till.textProperty().bind(model.tillTextProperty());
        Label user = item("statusUser", new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        user.textProperty().bind(model.userTextProperty());
        Label hub = item("statusHub", new FontIcon(Material2AL.CLOUD_QUEUE));
        hub.textProperty().bind(model.hubTextProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(model.hubDetailProperty());
        model.hubDetailProperty().addListener((obs, old, text) -> hub.setTooltip(text == null ? null : detail));
        hub.setOnMouseClicked(event -> openHubSettings.run());
        hub.setCursor(javafx.scene.Cursor.HAND);
        model.hubStateProperty().addListener((obs, old, state) -> showHubState(hub, state));
        showHubState(hub, model.hubStateProperty().get());
        Label printer = item("statusPrinter", new FontIcon(Material2MZ.PRINT));
        printer.textProperty().bind(model.printerTextProperty());
        model.printerStateProperty().addListener((obs, old, state) -> showHubState(printer, state));
        showHubState(printer, model.printerStateProperty().get()); // the queue may have failed before the bar was built
        Tooltip printerDetail = new Tooltip();
        printerDetail.textProperty().bind(model.printerDetailProperty());
        model.printerDetailProperty().addListener((obs, old, text) -> printer.setTooltip(text == null ? null : printerDetail));
        printer.setTooltip(model.printerDetailProperty().get() == null ? null : printerDetail);
        printer.setOnMouseClicked(event -> openHardwareSettings.run());
        printer.setCursor(javafx.scene.Cursor.HAND);
        Label drawer = item("statusDrawer", new FontIcon(Material2MZ.POINT_OF_SALE));
        drawer.textProperty().bind(model.drawerTextProperty());
        drawer.visibleProperty().bind(model.drawerTextProperty().isNotEmpty());
        drawer.managedProperty().bind(drawer.visibleProperty());
        drawer.pseudoClassStateChanged(Styles.OFFLINE, true); // an open drawer wants attention
        Label scanner = item("statusScanner", new FontIcon(Material2AL.CROP_FREE));
        scanner.setOnMouseClicked(event -> openHardwareSettings.run());
        Tooltip scannerDetail = new Tooltip();
        scannerDetail.textProperty().bind(model.scannerDetailProperty());
        scanner.setTooltip(scannerDetail);
        scanner.textProperty().bind(model.scannerTextProperty());
        scanner.visibleProperty().bind(model.scannerTextProperty().isNotEmpty());
        scanner.managedProperty().bind(scanner.visibleProperty());
        model.scannerStateProperty().addListener((obs, old, state) -> showHubState(scanner, state));
        showHubState(scanner, model.scannerStateProperty().get());
        Label clock = item("statusClock", new FontIcon(Material2AL.ACCESS_TIME));
        clock.textProperty().bind(model.clockTextProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(20, till, user, spacer, hub, printer, drawer, scanner, clock);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.STATUS_BAR);

        clockTicks.getKeyFrames().setAll(new KeyFrame(CLOCK_TICK, event -> model.tick()));
        clockTicks.setCycleCount(Timeline.INDEFINITE);
        clockTicks.play();
        return bar;
    }

    /** What a click on the printer or scanner item does (the hardware settings). */
    public void setOnOpenHardwareSettings(Runnable action) {
        this.openHardwareSettings = java.util.Objects.requireNonNull(action);
    }

    /** Stops the clock. */
    public void stop() {
        clockTicks.stop();
    }

    private static Label item(String id, FontIcon icon) {
        Label label = new Label(null, icon);
        label.setId(id);
        label.getStyleClass().add(Styles.STATUS_ITEM);
        return label;
    }

    private static void showHubState(Label hub, HubState state) {
        hub.pseudoClassStateChanged(Styles.ONLINE, state == HubState.ONLINE);
        hub.pseudoClassStateChanged(Styles.OFFLINE, state == HubState.OFFLINE);
    }
}
