package org.omnitill.desktop;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.core.demo.DemoStore;
import org.omnitill.desktop.catalog.CatalogImportView;
import org.omnitill.desktop.catalog.CatalogImportViewModel;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.scan.BarcodeParser;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;
import org.omnitill.desktop.common.Tasks;
import org.omnitill.desktop.login.LoginView;
import org.omnitill.desktop.login.LoginViewModel;
import org.omnitill.desktop.sell.SellView;
import org.omnitill.desktop.sell.SellViewModel;
import org.omnitill.desktop.cash.CashOfficeView;
import org.omnitill.desktop.cash.CashOfficeViewModel;
import org.omnitill.desktop.staff.ApprovalDialog;
import org.omnitill.desktop.status.StatusBarView;
import org.omnitill.desktop.status.StatusViewModel;
import org.omnitill.desktop.hub.HubSettingsView;
import org.omnitill.desktop.hub.HubSettingsViewModel;

/**
 * The till's main window: the sign-in screen or the sell screen above the status bar. Wires the
 * views to their view models; all state lives in those.
 */
public final class TillWindow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TillWindow.class);

    public static final String STYLESHEET = "/org/omnitill/desktop/theme/omnitill.css";
    private static final String ICON = "/assets/icons/omnitill.png";

    private final Till till;
    private final Messages messages;
    private final Tasks storeTasks;
    private final Tasks networkTasks;
    private final BorderPane root = new BorderPane();
    private final StatusViewModel status;
    private StatusBarView statusBar;
    private SellView sellView;
    private SellViewModel sellModel;
    private LoginViewModel loginModel; // while the sign-in screen shows: badge scans sign in
    private StaffMember signedIn;
    private javafx.animation.PauseTransition idle;
    private Runnable removePrinterListener = () -> { };
    private Tasks importTasks;
    private Tasks deviceTasks;
    private org.omnitill.desktop.hardware.HardwareSettingsViewModel hardwareDialog;
    private org.omnitill.desktop.sell.WedgeScanFilter wedge;
    private final java.util.List<org.omnitill.core.hardware.SerialScanner> scanners = new java.util.ArrayList<>();

    /**
     * @param storeTasks   background work on the local store, one at a time and in order
     * @param networkTasks background calls to the hub, which may be slow
     */
    public TillWindow(Till till, Messages messages, Tasks storeTasks, Tasks networkTasks, Clock clock) {
        this.till = Objects.requireNonNull(till);
        this.messages = Objects.requireNonNull(messages);
        this.storeTasks = storeTasks;
        this.status = new StatusViewModel(till.settings(), till.demo().isPresent(), messages, clock);
        this.networkTasks = networkTasks;
    }

    /** Shows the window on {@code stage}, starting at the sign-in screen. */
    public void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        statusBar = new StatusBarView(status, this::showHubSettings);
        statusBar.setOnOpenHardwareSettings(this::showHardwareSettings);
        till.sync().addListener(update -> Platform.runLater(() -> status.syncStatus(update)));
        till.printQueue().ifPresent(queue -> {
            status.printerStatus(queue.status());
            removePrinterListener = queue.addListener(update -> Platform.runLater(() -> status.printerStatus(update)));
            Runnable removeDrawerListener = till.peripherals().addDrawerListener(state -> Platform.runLater(() -> status.drawerState(state)));
            Runnable removeStatusListener = removePrinterListener;
            removePrinterListener = () -> {
                removeStatusListener.run();
                removeDrawerListener.run();
            };
        });
        root.setBottom(statusBar.build());
        root.pseudoClassStateChanged(Styles.DEMO, till.demo().isPresent());
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(Objects.requireNonNull(TillWindow.class.getResource(STYLESHEET)).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F2 && sellView != null) {
                sellView.focusScanField();
                event.consume();
            }
        });
        stage.setTitle(messages.format("window.title", till.settings().storeName()));
        var icon = TillWindow.class.getResourceAsStream(ICON);
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        installAutoLock(scene);
        if (till.settings().hardware().wedgeScanner()) {
            wedge = new org.omnitill.desktop.sell.WedgeScanFilter(till.settings().hardware().wedge(), code -> scanned("wedge", code),
                    node -> sellView != null && sellView.isScanField(node));
            wedge.install(scene);
        }
        startSerialScanners();
        showLogin();
        stage.show();
    }

    /** Opens the serial scanners in the background; their scans go to the sell screen. */
    private void startSerialScanners() {
        for (org.omnitill.core.hardware.SerialScanner scanner : till.peripherals().serialScanners()) {
            scanners.add(scanner);
            devices().run(() -> scanner.start(code -> Platform.runLater(() -> scanned(scanner.connectionString(), code)),
                            () -> Platform.runLater(() -> status.scannerGone(scanner.connectionString()))))
                    .onSuccess(ignored -> status.scannerReady(scanner.connectionString()))
                    .onFailure(error -> {
                        LOG.warn("scanner {} not started: {}", scanner.connectionString(), error.getMessage());
                        status.scannerGone(scanner.connectionString());
                    })
                    .start();
        }
    }

    /**
     * A scan from any scanner: to the hardware dialog while it is open (to show what the scanner
     * sends), else to the sell screen, else, on the sign-in screen, a staff badge.
     */
    private void scanned(String source, String code) {
        if (hardwareDialog != null) {
            hardwareDialog.scanSeen(source, code);
        } else if (sellModel != null) {
            sellModel.scanned(code);
        } else if (loginModel != null && !org.omnitill.core.hardware.CardData.looksLikeCardData(code)) {
            loginModel.signInByBadge(code);
        } else {
            LOG.debug("a scan of {} characters arrived with no screen to take it; ignored", code.length());
        }
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Stops the window's timers; the caller closes the till and the task pools. */
    public void stop() {
        if (statusBar != null) {
            statusBar.stop();
        }
        removePrinterListener.run();
        if (importTasks != null) {
            importTasks.close();
        }
        if (deviceTasks != null) {
            deviceTasks.close();
        }
        if (wedge != null) {
            wedge.uninstall();
        }
        scanners.forEach(org.omnitill.core.hardware.SerialScanner::close);
    }

    /**
     * Locks the till after the configured idle time: any key, click or touch restarts the clock. A
     * sale in progress is parked for its cashier; a payment in progress keeps the till open.
     */
    private void installAutoLock(Scene scene) {
        int minutes = till.settings().office().autoLockMinutes();
        if (minutes <= 0) {
            return;
        }
        idle = new javafx.animation.PauseTransition(javafx.util.Duration.minutes(minutes));
        idle.setOnFinished(e -> {
            if (sellModel != null && !sellModel.isPaying()) {
                LOG.info("till locked after {} idle minutes", minutes);
                sellModel.signOut("locked after " + minutes + " idle minutes", this::showLogin);
            } else {
                idle.playFromStart();
            }
        });
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
            if (e.getEventType() != javafx.scene.input.MouseEvent.MOUSE_MOVED) {
                idle.playFromStart();
            }
        });
        idle.play();
    }

    private void signOut() {
        if (sellModel == null) {
            showLogin();
        } else {
            sellModel.signOut("signed out", this::showLogin);
        }
    }

    private void showLogin() {
        if (sellView != null) {
            sellView.close();
        }
        sellView = null;
        sellModel = null;
        signedIn = null;
        status.signedOut();
        LoginViewModel model = new LoginViewModel(till.logins(), storeTasks, messages, this::showSell);
        loginModel = model;
        List<String> hints = till.demo().map(this::demoHints).orElse(List.of());
        LoginView view = new LoginView(model, messages, till.settings().storeName(), hints);
        root.setCenter(view.build());
        model.load();
        view.focus();
    }

    private void showSell(StaffMember member) {
        loginModel = null;
        status.signedIn(member.displayName());
        SellViewModel model = new SellViewModel(till.sales(), till.store().session().catalog(),
                till.store().session().search(), BarcodeParser.defaults(),
                member, till.settings().taxMode(), storeTasks, messages, this::saleCompleted);
        model.setReprinter(this::reprint);
        model.setApprovalPrompt((permission, why, onApproved, onRefused) -> ApprovalDialog.show(window(), till.logins(),
                storeTasks, messages, member, permission, onApproved, onRefused));
        model.setStockLookup(sku -> till.store().session().sync().stockLevels(sku));
        model.setSignOutRecorder(reason -> till.logins().signOut(member, reason));
        signedIn = member;
        sellModel = model;
        feedPoleDisplay(model);
        sellView = new SellView(model, messages, till.settings().storeName(), member.displayName(), this::signOut);
        sellView.setOnImportCatalog(this::showCatalogImport);
        sellView.setOnCashOffice(() -> showCashOffice(member));
        root.setCenter(sellView.build());
        sellView.focusScanField();
        // cash taken without an open shift is in no drawer's count: say so until one is opened
        storeTasks.run(() -> till.cashOffice().currentShift(member))
                .onSuccess(shift -> {
                    if (shift.isEmpty() && sellModel == model) {
                        model.notice(messages.get("sell.noShift"));
                    }
                })
                .onFailure(e -> LOG.error("the open shift could not be read", e))
                .start();
    }

    /** The cash office for {@code member}: shift, cash in and out, no-sale, X and Z. */
    private void showCashOffice(StaffMember member) {
        CashOfficeViewModel model = new CashOfficeViewModel(till, member, storeTasks, messages,
                (permission, onApproved, onRefused) -> ApprovalDialog.show(window(), till.logins(), storeTasks, messages,
                        member, permission, onApproved, onRefused));
        // the no-sale is recorded first (the view model does that), then the drawer is kicked open
        new CashOfficeView(model, messages, this::openDrawerAfterNoSale).show(window());
    }

    /** Kicks the drawer open on the drawer thread; a drawer that does not open is logged (the no-sale stays recorded). */
    private void openDrawerAfterNoSale() {
        if (!till.cashDrawer().present()) {
            LOG.info("no-sale recorded; no cash drawer is configured");
            return;
        }
        till.peripherals().openDrawer().whenComplete((done, error) -> {
            if (error != null) {
                LOG.warn("no-sale recorded, but the cash drawer did not open: {}", error.getMessage());
            }
        });
    }

    /** Opens the catalog import window; the import runs on its own thread, so the till keeps selling. */
    private void showCatalogImport() {
        if (importTasks == null) {
            importTasks = new Tasks(Tasks.namedPool("import", 1), Platform::runLater);
        }
        CatalogImportViewModel model = new CatalogImportViewModel(new CatalogImporter(till.store(), till.settings()),
                importTasks, Platform::runLater, messages);
        new CatalogImportView(model, messages).show(root.getScene().getWindow());
    }

    /** Queues the receipt (never blocking the counter; a printer that is off only delays it). */
    /** The hub dialog: address and enrolment. */
    private void showHubSettings() {
        HubSettingsViewModel model = new HubSettingsViewModel(till.settingsStore(), till.sync(), networkTasks, messages);
        String who = signedIn == null ? "nobody signed in" : signedIn.displayName();
        model.setSaver(changed -> till.saveSettings(changed, who));
        model.load(() -> till.store().session().sync().enrolment());
        new HubSettingsView(model, messages).show(root.getScene().getWindow());
    }

    /** Opens the drawer for cash and queues the receipt (never blocking the counter; a printer that is off only delays it). */
    /**
     * The hardware dialog: printer, drawer, display and scanners; device I/O on its own thread. It
     * can kick the drawer open, so it needs someone signed in with the SETTINGS permission (or a
     * supervisor's approval); saving goes through {@code Till.saveSettings}, which journals the change.
     */
    private void showHardwareSettings() {
        StaffMember member = signedIn;
        if (member == null) {
            LOG.info("the hardware dialog needs someone signed in");
            return;
        }
        if (till.logins().policy().allows(member, org.omnitill.core.staff.Permission.SETTINGS)) {
            openHardwareSettings(member);
        } else {
            ApprovalDialog.show(window(), till.logins(), storeTasks, messages, member,
                    org.omnitill.core.staff.Permission.SETTINGS,
                    approval -> openHardwareSettings(member), refused -> { });
        }
    }

    /** Device I/O (opening scanners, the hardware dialog's tests), one at a time, off the store's thread. */
    private Tasks devices() {
        if (deviceTasks == null) {
            deviceTasks = new Tasks(Tasks.namedPool("devices", 1), Platform::runLater);
        }
        return deviceTasks;
    }

    private void openHardwareSettings(StaffMember member) {
        String who = member.displayName();
        var model = new org.omnitill.desktop.hardware.HardwareSettingsViewModel(till.settingsStore(),
                new org.omnitill.desktop.hardware.TillDeviceActions(till, member), devices(), Platform::runLater, messages);
        model.setSaver(changed -> till.saveSettings(changed, who));
        model.load();
        hardwareDialog = model;
        new org.omnitill.desktop.hardware.HardwareSettingsView(model, messages, () -> hardwareDialog = null)
                .show(root.getScene().getWindow());
    }

    private void saleCompleted(CompletedSale sale) {
        till.sync().wake();
        storeTasks.run(() -> till.peripherals().afterSale(sale))
                .onFailure(error -> LOG.error("receipt {} could not be queued for printing", sale.receiptNumber(), error))
                .start();
    }

    /** Shows the last line and the total (or the change) on a pole display, when there is one. */
    private void feedPoleDisplay(SellViewModel model) {
        org.omnitill.core.hardware.CustomerDisplay pole = till.peripherals().poleDisplay();
        if (pole == org.omnitill.core.hardware.CustomerDisplay.NONE) {
            return;
        }
        Runnable update = () -> {
            String last = model.lastLineProperty().get() == null ? "" : model.lastLineProperty().get();
            String top = last.isBlank() ? till.settings().storeName() : last.lines().findFirst().orElse("");
            String change = model.changeProperty().get();
            String bottom = change != null && !change.isBlank() ? change
                    : org.omnitill.core.hardware.PoleDisplay.spread(messages.get("sell.total"), model.totalProperty().get(), 20);
            pole.show(top, bottom);
        };
        model.lastLineProperty().addListener((obs, old, value) -> update.run());
        model.totalProperty().addListener((obs, old, value) -> update.run());
        model.changeProperty().addListener((obs, old, value) -> update.run());
        update.run();
    }

    /** Queues a copy of a past receipt from the journal. */
    private void reprint(String receiptNumber, java.util.function.Consumer<String> onError) {
        till.printQueue().ifPresentOrElse(queue -> storeTasks.run(() -> queue.reprint(receiptNumber))
                .onFailure(error -> onError.accept(error instanceof IllegalArgumentException
                        ? messages.format("sell.error.unknownReceipt", receiptNumber)
                        : messages.get("sell.error.failed")))
                .start(), () -> onError.accept(messages.get("status.printer.notConfigured")));
    }

    private List<String> demoHints(DemoStore demo) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(messages.get("login.demo.title"));
        for (DemoStore.DemoStaff member : demo.staff()) {
            lines.add(messages.format("login.demo.user", member.name(),
                    messages.get("role." + member.role().name()), member.pin(), DemoStore.badgeOf(member)));
        }
        lines.add(messages.get("login.demo.permissions"));
        return lines;
    }
}
