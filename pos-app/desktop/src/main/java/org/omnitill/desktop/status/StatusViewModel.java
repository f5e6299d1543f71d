package org.omnitill.desktop.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.omnitill.core.config.TillSettings;
import org.omnitill.desktop.common.Messages;
import org.omnitill.core.sync.SyncStatus;

/**
 * The status bar's state. Every item tells the truth: a hub or printer that is not configured says
 * so; the hub item shows what the sync service last found (online, offline, not enrolled) and how
 * many documents wait to be sent, so staff can see that nothing is lost while offline.
 */
public final class StatusViewModel {

    private final Messages messages;
    private final Clock clock;
    private final ObjectProperty<HubState> hubState = new SimpleObjectProperty<>();
    private final StringProperty hubText = new SimpleStringProperty();
    private final StringProperty hubDetail = new SimpleStringProperty();
    private final StringProperty printerText = new SimpleStringProperty();
    private final StringProperty printerDetail = new SimpleStringProperty();
    private final StringProperty scannerText = new SimpleStringProperty("");
    private final StringProperty drawerText = new SimpleStringProperty("");
    private final StringProperty scannerDetail = new SimpleStringProperty("");
    private final java.util.Map<String, Boolean> scanners = new java.util.LinkedHashMap<>();
    private final ObjectProperty<HubState> scannerState = new SimpleObjectProperty<>(HubState.NOT_CONFIGURED);
    private final ObjectProperty<HubState> printerState = new SimpleObjectProperty<>(HubState.NOT_CONFIGURED);
    private final StringProperty tillText = new SimpleStringProperty();
    private final StringProperty userText = new SimpleStringProperty();
    private final StringProperty clockText = new SimpleStringProperty();
    private final DateTimeFormatter clockFormat;

    public StatusViewModel(TillSettings settings, boolean demo, Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        this.clockFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale());
        printerText.set(settings.printer()
                .map(connection -> messages.format("status.printer.configured", connection))
                .orElse(messages.get("status.printer.notConfigured")));
        tillText.set(messages.format(demo ? "status.till.demo" : "status.till", settings.storeName(), settings.tillCode()));
        userText.set(messages.get("status.user.none"));
        syncStatus(new SyncStatus(settings.hub().isEmpty() ? SyncStatus.State.NOT_CONFIGURED : SyncStatus.State.OFFLINE,
                0, 0, null, null));
        if (settings.hub().isPresent()) {
            hubState.set(HubState.CHECKING);
            hubText.set(messages.get("status.hub.checking"));
        }
        tick();
    }

    /** The sync service's latest news (call on the UI thread). */
    public void syncStatus(SyncStatus sync) {
        hubState.set(switch (sync.state()) {
            case NOT_CONFIGURED -> HubState.NOT_CONFIGURED;
            case ONLINE -> HubState.ONLINE;
            case OFFLINE, NOT_ENROLLED, CREDENTIAL_REJECTED -> HubState.OFFLINE;
        });
        String text = switch (sync.state()) {
            case NOT_CONFIGURED -> messages.get("status.hub.notConfigured");
            case NOT_ENROLLED -> messages.get("status.hub.notEnrolled");
            case ONLINE -> messages.get("status.hub.online");
            case OFFLINE -> messages.get("status.hub.offline");
            case CREDENTIAL_REJECTED -> messages.get("status.hub.enrolAgain");
        };
        if (sync.waiting() > 0) {
            text += " " + messages.format("status.hub.waiting", sync.waiting());
        }
        if (sync.refused() > 0) {
            text += " " + messages.format("status.hub.refused", sync.refused());
        }
        hubText.set(text);
        hubDetail.set(sync.problem());
    }

    /** The last problem with the hub in plain words, for a tooltip; null when there is none. */
    public ReadOnlyStringProperty hubDetailProperty() {
        return hubDetail;
    }

    /** Updates the clock; the view calls it once a second or so. */
    public void tick() {
        clockText.set(LocalDateTime.now(clock).format(clockFormat));
    }

    /**
     * The print queue's latest news about the receipt printer: what the printer said about itself
     * (paper out, cover open, offline, not answering) in words, the jobs waiting, and the driver's
     * own message as the detail.
     */
    public void printerStatus(org.omnitill.core.print.PrinterStatus printer) {
        String waiting = printer.jobsWaiting() == 0 ? "" : messages.format("status.printer.waiting", printer.jobsWaiting());
        org.omnitill.core.print.PrinterCondition condition = printer.condition();
        // a job that failed, or an idle check that found the paper out or the cover open
        boolean problem = !printer.ok() || !condition.canPrint();
        if (!problem) {
            printerText.set(condition == org.omnitill.core.print.PrinterCondition.PAPER_LOW
                    ? messages.format("status.printer.problem", messages.get("status.printer.PAPER_LOW"), waiting)
                    : messages.format("status.printer.ok", printer.printer(), waiting));
            printerDetail.set(printer.printer()); // which printer: in the tooltip, the bar stays short
        } else {
            // short, so the reason stays readable in a full status bar; which printer and the driver's words in the tooltip
            String why = condition == org.omnitill.core.print.PrinterCondition.UNKNOWN ? printer.lastError()
                    : messages.get("status.printer." + condition.name());
            printerText.set(messages.format("status.printer.problem", why, waiting));
            printerDetail.set(printer.printer() + (printer.lastError() == null ? "" : ": " + printer.lastError()));
        }
        printerState.set(problem ? HubState.OFFLINE : HubState.ONLINE);
    }

    /** Which printer, and the driver's message about the last failure, for a tooltip. */
    public ReadOnlyStringProperty printerDetailProperty() {
        return printerDetail;
    }

    /** A serial scanner is listening. */
    public void scannerReady(String scanner) {
        scanners.put(scanner, true);
        showScanners();
    }

    /** A serial scanner could not be opened or went away (unplugged). */
    public void scannerGone(String scanner) {
        scanners.put(scanner, false);
        showScanners();
    }

    private void showScanners() {
        long gone = scanners.values().stream().filter(ready -> !ready).count();
        scannerText.set(gone == 0 ? messages.format("status.scanner.ready", scanners.size())
                : messages.format("status.scanner.gone", gone));
        scannerState.set(gone == 0 ? HubState.ONLINE : HubState.OFFLINE);
        StringBuilder detail = new StringBuilder();
        scanners.forEach((name, ready) -> detail.append(detail.isEmpty() ? "" : "\n").append(name).append(": ")
                .append(messages.get(ready ? "status.scanner.listening" : "status.printer.UNREACHABLE")));
        scannerDetail.set(detail.toString());
    }

    /** Each serial scanner and whether it listens, for a tooltip. */
    public ReadOnlyStringProperty scannerDetailProperty() {
        return scannerDetail;
    }

    /** What the printer last reported about the cash drawer's switch (call on the UI thread). */
    public void drawerState(org.omnitill.core.hardware.CashDrawer.State state) {
        drawerText.set(state == org.omnitill.core.hardware.CashDrawer.State.OPEN ? messages.get("status.drawer.open") : "");
    }

    /** "Drawer open" while the printer reports the drawer open; empty otherwise. */
    public ReadOnlyStringProperty drawerTextProperty() {
        return drawerText;
    }

    /** Empty until a serial scanner is configured. */
    public ReadOnlyStringProperty scannerTextProperty() {
        return scannerText;
    }

    public ReadOnlyObjectProperty<HubState> scannerStateProperty() {
        return scannerState;
    }

    public ReadOnlyObjectProperty<HubState> printerStateProperty() {
        return printerState;
    }

    public void signedIn(String name) {
        userText.set(messages.format("status.user", name));
    }

    public void signedOut() {
        userText.set(messages.get("status.user.none"));
    }

    public ReadOnlyObjectProperty<HubState> hubStateProperty() {
        return hubState;
    }

    public ReadOnlyStringProperty hubTextProperty() {
        return hubText;
    }

    public ReadOnlyStringProperty printerTextProperty() {
        return printerText;
    }

    public ReadOnlyStringProperty tillTextProperty() {
        return tillText;
    }

    public ReadOnlyStringProperty userTextProperty() {
        return userText;
    }

    public ReadOnlyStringProperty clockTextProperty() {
        return clockText;
    }

}
