package org.omnitill.desktop.hub;

import java.net.URI;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.sync.HubEnrolment;
import org.omnitill.core.sync.SyncService;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.client.HubUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub dialog: which hub this till syncs with, and enrolment with the one-time code an admin
 * created on the hub. The address is saved in the settings; the enrolment in the local store.
 */
public final class HubSettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HubSettingsViewModel.class);

    private final SettingsStore settings;
    private final SyncService sync;
    private final Tasks tasks;
    private final Messages messages;
    private final StringProperty hubUrl = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty enrolledAs = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private java.util.function.Consumer<org.omnitill.core.config.TillSettings> saver;

    public HubSettingsViewModel(SettingsStore settings, SyncService sync, Tasks tasks, Messages messages) {
        this.settings = Objects.requireNonNull(settings);
        this.saver = settings::save;
        this.sync = Objects.requireNonNull(sync);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        hubUrl.set(sync.hubUrl().orElse(""));
    }

    /** Reads who this till is enrolled as (in the background). */
    public void load(java.util.function.Supplier<java.util.Optional<HubEnrolment>> enrolment) {
        tasks.run(enrolment::get)
                .onSuccess(found -> enrolledAs.set(found
                        .map(e -> messages.format("hub.enrolledAs", e.storeCode(), e.tillCode(), e.hubUrl()))
                        .orElse(messages.get("hub.notEnrolled"))))
                .onFailure(error -> LOG.warn("cannot read the enrolment", error))
                .start();
    }

    /** Saves the address and trades the code for this till's credential. */
    public void enrol() {
        String url = hubUrl.get() == null ? "" : hubUrl.get().strip();
        String typed = code.get() == null ? "" : code.get().strip();
        if (!validUrl(url)) {
            fail(messages.get("hub.error.url"));
            return;
        }
        if (typed.isEmpty()) {
            fail(messages.get("hub.error.code"));
            return;
        }
        busy.set(true);
        failed.set(false);
        message.set(messages.get("hub.enrolling"));
        tasks.run(() -> {
                    if (!url.equals(sync.hubUrl().orElse(""))) {
                        saver.accept(settings.load().withHubUrl(url));
                        sync.configure(url);
                    }
                    return sync.enrol(typed);
                })
                .onSuccess(enrolment -> {
                    busy.set(false);
                    code.set("");
                    message.set(messages.format("hub.enrolled", enrolment.storeCode(), enrolment.tillCode()));
                    enrolledAs.set(messages.format("hub.enrolledAs", enrolment.storeCode(), enrolment.tillCode(), enrolment.hubUrl()));
                })
                .onFailure(error -> {
                    busy.set(false);
                    fail(describe(error, url));
                })
                .start();
    }

    /** How changed settings are saved; the till's own saver also journals the change. */
    public void setSaver(java.util.function.Consumer<org.omnitill.core.config.TillSettings> saver) {
        this.saver = Objects.requireNonNull(saver);
    }

    private String describe(Throwable error, String url) {
        if (error instanceof HubRefusedException refused) {
            return messages.format("hub.error.refused", refused.getMessage());
        }
        if (error instanceof HubUnavailableException unavailable) {
            return messages.format("hub.error.unreachable", url, unavailable.getMessage());
        }
        LOG.error("enrolment failed", error);
        return messages.format("hub.error.other", String.valueOf(error.getMessage()));
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public StringProperty hubUrlProperty() {
        return hubUrl;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty enrolledAsProperty() {
        return enrolledAs;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
