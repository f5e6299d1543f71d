package org.omnitill.desktop.hardware;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.hardware.CardData;
import org.omnitill.core.hardware.PrinterCashDrawer;
import org.omnitill.core.hardware.Printers;
import org.omnitill.core.hardware.PoleDisplay;
import org.omnitill.core.hardware.SerialScanner;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hardware settings screen: the receipt printer, cash drawer, customer display and scanners of
 * this till as connection strings (typed, or picked from the detected serial ports and system
 * printers), tried on the spot (test page, drawer kick, printer status, what a scanner sends) and
 * saved in this till's settings. Devices are opened with the new settings at the next start.
 */
public final class HardwareSettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HardwareSettingsViewModel.class);
    static final int MAX_SCANS_SHOWN = 12;

    private final SettingsStore settings;
    private final DeviceActions devices;
    private final Tasks tasks;
    private final java.util.concurrent.Executor ui;
    private final Messages messages;
    private final StringProperty printer = new SimpleStringProperty("");
    private final StringProperty drawer = new SimpleStringProperty("none");
    private final StringProperty display = new SimpleStringProperty("window");
    private final StringProperty scanners = new SimpleStringProperty("wedge");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty listening = new SimpleBooleanProperty();
    private final ObservableList<String> printerChoices = FXCollections.observableArrayList();
    private final ObservableList<String> serialChoices = FXCollections.observableArrayList();
    private final ObservableList<String> scansSeen = FXCollections.observableArrayList();
    private final List<AutoCloseable> listeners = new java.util.ArrayList<>();
    private HardwareSettings.Wedge wedge = HardwareSettings.Wedge.defaults();
    private java.util.function.Consumer<TillSettings> saver;

    /** @param ui where scans arriving on a device's thread are shown ({@code Platform::runLater}) */
    public HardwareSettingsViewModel(SettingsStore settings, DeviceActions devices, Tasks tasks,
                                     java.util.concurrent.Executor ui, Messages messages) {
        this.settings = Objects.requireNonNull(settings);
        this.devices = Objects.requireNonNull(devices);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.messages = Objects.requireNonNull(messages);
        this.saver = settings::save;
    }

    /** How changed settings are saved: the till's {@code saveSettings}, which journals who changed what. */
    public void setSaver(java.util.function.Consumer<TillSettings> saver) {
        this.saver = Objects.requireNonNull(saver);
    }

    /** Reads the saved settings, then looks for devices in the background. */
    public void load() {
        TillSettings saved = settings.load();
        HardwareSettings hardware = saved.hardware();
        printer.set(saved.printer().orElse(""));
        drawer.set(hardware.cashDrawer());
        display.set(hardware.customerDisplay());
        scanners.set(String.join("\n", hardware.scanners()));
        wedge = hardware.wedge();
        detect();
    }

    /** Looks for serial ports and system printers again (a USB adapter plugged in just now). */
    public void detect() {
        tasks.run(() -> List.of(devices.printerSuggestions(), devices.serialSuggestions()))
                .onSuccess(found -> {
                    printerChoices.setAll(found.get(0));
                    serialChoices.setAll(found.get(1));
                })
                .onFailure(error -> LOG.warn("looking for devices failed", error))
                .start();
    }

    /** Checks every entry; returns the problem in words, or null when they all make sense. */
    String validate() {
        try {
            String p = printer.get().strip();
            if (!p.isEmpty()) {
                Printers.open(PrinterSpec.parse(p), null).close();
                PrinterSpec.parse(p).features(42, null);
            }
            String d = drawer.get().strip();
            if (!d.isEmpty() && !d.equalsIgnoreCase("none")) {
                if (p.isEmpty()) {
                    return messages.get("hardware.error.drawerWithoutPrinter");
                }
                PrinterCashDrawer.of(d, org.omnitill.core.print.PrintQueue.unavailable("check", "check"));
            }
            String c = display.get().strip();
            if (!c.isEmpty() && !c.equalsIgnoreCase("window") && !c.equalsIgnoreCase("none")) {
                PoleDisplay.of(c);
            }
            for (String scanner : scannerList()) {
                if (!scanner.equalsIgnoreCase("wedge")) {
                    SerialScanner.of(scanner);
                }
            }
            return null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return messages.format("hardware.error.invalid", e.getMessage());
        }
    }

    private List<String> scannerList() {
        return Arrays.stream(scanners.get().split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Saves the entries in this till's settings (used from the next start). */
    public void save() {
        String problem = validate();
        if (problem != null) {
            show(problem, true);
            return;
        }
        TillSettings current = settings.load();
        HardwareSettings hardware = new HardwareSettings(scannerList(), display.get(), drawer.get(), wedge);
        saver.accept(current.withReceiptPrinter(printer.get()).withHardware(hardware));
        show(messages.get("hardware.saved"), false);
    }

    public void testPrint() {
        String p = printer.get().strip();
        if (p.isEmpty()) {
            show(messages.get("hardware.error.noPrinter"), true);
            return;
        }
        run(() -> devices.testPrint(p), where -> messages.format("hardware.printed", where));
    }

    public void openDrawer() {
        String p = printer.get().strip();
        if (p.isEmpty()) {
            show(messages.get("hardware.error.drawerWithoutPrinter"), true);
            return;
        }
        String d = drawer.get().isBlank() || drawer.get().strip().equalsIgnoreCase("none") ? "printer" : drawer.get().strip();
        run(() -> devices.openDrawer(p, d), what -> messages.format("hardware.drawerOpened", what));
    }

    public void printerStatus() {
        String p = printer.get().strip();
        if (p.isEmpty()) {
            show(messages.get("hardware.error.noPrinter"), true);
            return;
        }
        run(() -> devices.printerStatus(p), (DeviceState state) -> messages.format("hardware.printerStatus",
                messages.get("status.printer." + state.condition().name()),
                state.drawerPinHigh() == null ? "" : messages.get(state.drawerPinHigh() ? "hardware.drawerHigh" : "hardware.drawerLow")));
    }

    /** Starts or stops listening to the serial scanners typed; a keyboard-wedge scan is shown by {@link #wedgeScan}. */
    public void toggleListening() {
        if (listening.get()) {
            stopListening();
            return;
        }
        List<String> serial = scannerList().stream().filter(s -> !s.equalsIgnoreCase("wedge")).toList();
        listening.set(true);
        scansSeen.clear();
        show(messages.get("hardware.listening"), false);
        for (String scanner : serial) {
            tasks.run(() -> devices.listen(scanner, code -> ui.execute(() -> scanSeen(scanner, code))))
                    .onSuccess(handle -> {
                        if (listening.get()) {
                            listeners.add(handle);
                        } else {
                            closeQuietly(handle);
                        }
                    })
                    .onFailure(error -> show(messages.format("hardware.error.device", error.getMessage()), true))
                    .start();
        }
    }

    /** A keyboard-wedge scan arrived while the screen was open. */
    public void wedgeScan(String code) {
        scanSeen("wedge", code);
    }

    /** A scan from {@code source} (a scanner the till itself listens to, routed here while the screen is open). */
    public void scanSeen(String source, String code) {
        String shown = CardData.looksLikeCardData(code) ? messages.get("hardware.cardData") : code;
        scansSeen.add(0, messages.format("hardware.scanSeen", source, shown, code.length()));
        if (scansSeen.size() > MAX_SCANS_SHOWN) {
            scansSeen.remove(MAX_SCANS_SHOWN, scansSeen.size());
        }
    }

    public void stopListening() {
        listening.set(false);
        listeners.forEach(HardwareSettingsViewModel::closeQuietly);
        listeners.clear();
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            LOG.debug("closing a scanner failed", e);
        }
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> done) {
        busy.set(true);
        show(messages.get("hardware.working"), false);
        tasks.run(work)
                .onSuccess(result -> show(done.apply(result), false))
                .onFailure(error -> show(messages.format("hardware.error.device", error.getMessage()), true))
                .andFinally(() -> busy.set(false))
                .start();
    }

    private void show(String text, boolean isError) {
        message.set(text);
        failed.set(isError);
    }

    public HardwareSettings.Wedge wedge() {
        return wedge;
    }

    public StringProperty printerProperty() {
        return printer;
    }

    public StringProperty drawerProperty() {
        return drawer;
    }

    public StringProperty displayProperty() {
        return display;
    }

    public StringProperty scannersProperty() {
        return scanners;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty listeningProperty() {
        return listening;
    }

    public ObservableList<String> printerChoices() {
        return printerChoices;
    }

    public ObservableList<String> serialChoices() {
        return serialChoices;
    }

    public ObservableList<String> scansSeen() {
        return scansSeen;
    }
}
