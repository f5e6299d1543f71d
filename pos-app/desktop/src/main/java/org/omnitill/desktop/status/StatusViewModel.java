package org.omnitill.desktop.status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.omnitill.core.config.TillSettings;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.omnitill.sync.client.HubClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar's state. Every item tells the truth: a hub or printer that is not configured says
 * so; a configured hub is checked in the background and shows online or offline.
 */
public final class StatusViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StatusViewModel.class);
    public static final Duration HUB_TIMEOUT = Duration.ofSeconds(3);

    private final Messages messages;
    private final Tasks tasks;
    private final Clock clock;
    private final Optional<HubClient> hub;
    private final ObjectProperty<HubState> hubState = new SimpleObjectProperty<>();
    private final StringProperty hubText = new SimpleStringProperty();
    private final StringProperty printerText = new SimpleStringProperty();
    private final ObjectProperty<HubState> printerState = new SimpleObjectProperty<>(HubState.NOT_CONFIGURED);
    private final StringProperty tillText = new SimpleStringProperty();
    private final StringProperty userText = new SimpleStringProperty();
    private final StringProperty clockText = new SimpleStringProperty();
    private final DateTimeFormatter clockFormat;

    public StatusViewModel(TillSettings settings, boolean demo, Messages messages, Tasks tasks, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.clock = clock;
        this.clockFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale());
        this.hub = settings.hub().flatMap(this::clientFor);
        printerText.set(settings.printer()
                .map(connection -> messages.format("status.printer.configured", connection))
                .orElse(messages.get("status.printer.notConfigured")));
        tillText.set(messages.format(demo ? "status.till.demo" : "status.till", settings.storeName(), settings.tillCode()));
        userText.set(messages.get("status.user.none"));
        setHubState(settings.hub().isEmpty() ? HubState.NOT_CONFIGURED
                : hub.isPresent() ? HubState.CHECKING : HubState.OFFLINE);
        tick();
    }

    private Optional<HubClient> clientFor(String url) {
        try {
            return Optional.of(new HubClient(URI.create(url), HUB_TIMEOUT));
        } catch (IllegalArgumentException e) {
            LOG.warn("the hub address in the settings is not usable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Checks the hub in the background, if one is configured. Safe to call repeatedly. */
    public void refreshHub() {
        hub.ifPresent(client -> tasks.run(client::health)
                .onSuccess(health -> setHubState(health.isUp() ? HubState.ONLINE : HubState.OFFLINE))
                .onFailure(error -> {
                    LOG.debug("hub check failed: {}", error.getMessage());
                    setHubState(HubState.OFFLINE);
                })
                .start());
    }

    /** Updates the clock; the view calls it once a second or so. */
    public void tick() {
        clockText.set(LocalDateTime.now(clock).format(clockFormat));
    }

    /** The print queue's latest news about the receipt printer. */
    public void printerStatus(org.omnitill.core.print.PrinterStatus printer) {
        String waiting = printer.jobsWaiting() == 0 ? "" : messages.format("status.printer.waiting", printer.jobsWaiting());
        printerText.set(printer.ok()
                ? messages.format("status.printer.ok", printer.printer(), waiting)
                : messages.format("status.printer.failed", printer.printer(), printer.lastError(), waiting));
        printerState.set(printer.ok() ? HubState.ONLINE : HubState.OFFLINE);
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

    private void setHubState(HubState state) {
        hubState.set(state);
        hubText.set(switch (state) {
            case NOT_CONFIGURED -> messages.get("status.hub.notConfigured");
            case CHECKING -> messages.get("status.hub.checking");
            case ONLINE -> messages.get("status.hub.online");
            case OFFLINE -> messages.get("status.hub.offline");
        });
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
