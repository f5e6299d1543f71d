package org.omnitill.desktop.login;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.omnitill.core.staff.LoginService;
import org.omnitill.core.staff.SignIn;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sign-in screen: pick a staff member, enter the PIN, sign in. */
public final class LoginViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);
    private static final int MAX_PIN = 8;

    private final LoginService logins;
    private final Tasks tasks;
    private final Messages messages;
    private final Consumer<StaffMember> onSignedIn;

    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final ObjectProperty<StaffMember> selected = new SimpleObjectProperty<>();
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canSignIn;

    public LoginViewModel(LoginService logins, Tasks tasks, Messages messages, Consumer<StaffMember> onSignedIn) {
        this.logins = logins;
        this.tasks = tasks;
        this.messages = messages;
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        canSignIn = Bindings.createBooleanBinding(
                () -> selected.get() != null && pin.get().length() >= 4 && !busy.get(), selected, pin, busy);
        selected.addListener((obs, old, now) -> {
            pin.set("");
            message.set("");
        });
    }

    /** Loads the staff list in the background. */
    public void load() {
        busy.set(true);
        tasks.run(logins::activeStaff)
                .onSuccess(this::showStaff)
                .onFailure(error -> {
                    LOG.error("staff list could not be loaded", error);
                    message.set(messages.get("login.error.load"));
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    private void showStaff(List<StaffMember> members) {
        staff.setAll(members);
        if (members.isEmpty()) {
            message.set(messages.get("login.error.noStaff"));
        } else if (members.size() == 1) {
            selected.set(members.get(0));
        }
    }

    /** A keypad digit. */
    public void typeDigit(char digit) {
        if (digit >= '0' && digit <= '9' && pin.get().length() < MAX_PIN) {
            pin.set(pin.get() + digit);
        }
    }

    public void backspace() {
        String current = pin.get();
        if (!current.isEmpty()) {
            pin.set(current.substring(0, current.length() - 1));
        }
    }

    public void clearPin() {
        pin.set("");
    }

    /** Signs in whoever the scanned badge belongs to. */
    public void signInByBadge(String badge) {
        if (badge == null || badge.isBlank() || busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        tasks.run(() -> logins.signInByBadge(badge.strip()))
                .onSuccess(result -> {
                    if (result instanceof SignIn.Refused) {
                        message.set(messages.get("login.error.badge"));
                    } else {
                        signedIn(result);
                    }
                })
                .onFailure(error -> {
                    LOG.error("badge sign-in failed", error);
                    message.set(messages.get("login.error.failed"));
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Checks the PIN in the background (the hash is slow on purpose) and signs in on a match. */
    public void signIn() {
        if (!canSignIn.get()) {
            if (selected.get() == null) {
                message.set(messages.get("login.error.pickUser"));
            }
            return;
        }
        StaffMember member = selected.get();
        char[] entered = pin.get().toCharArray();
        pin.set("");
        busy.set(true);
        message.set("");
        tasks.run(() -> logins.signIn(member, entered))
                .onSuccess(this::signedIn)
                .onFailure(error -> {
                    LOG.error("sign-in failed", error);
                    message.set(messages.get("login.error.failed"));
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    private void signedIn(SignIn result) {
        switch (result) {
            case SignIn.SignedIn in -> onSignedIn.accept(in.member());
            case SignIn.Refused refused -> message.set(refused.attemptsLeft() > 0
                    ? messages.format("login.error.wrongPinLeft", refused.attemptsLeft())
                    : messages.get("login.error.wrongPin"));
            case SignIn.LockedOut locked -> message.set(messages.format("login.error.lockedOut",
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(messages.locale())
                            .format(locked.until().atZone(ZoneId.systemDefault()))));
        }
    }

    public ObservableList<StaffMember> staff() {
        return staff;
    }

    public ObjectProperty<StaffMember> selectedProperty() {
        return selected;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
