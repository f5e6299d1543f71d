package org.omnitill.desktop.login;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Styles;

/** The sign-in screen. Binds to {@link LoginViewModel}; decides nothing itself. */
public final class LoginView {

    private final LoginViewModel model;
    private final Messages messages;
    private final String storeName;
    private final List<String> demoHints;
    private PasswordField pinField;

    /**
     * @param demoHints lines shown under the form in demo mode (who the demo users are); empty otherwise
     */
    public LoginView(LoginViewModel model, Messages messages, String storeName, List<String> demoHints) {
        this.model = model;
        this.messages = messages;
        this.storeName = storeName;
        this.demoHints = List.copyOf(demoHints);
    }

    public Node build() {
        Label store = new Label(storeName);
        store.getStyleClass().addAll(Styles.HEADER, atlantafx.base.theme.Styles.TITLE_1);
        Label prompt = new Label(messages.get("login.prompt"));
        prompt.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);

        FlowPane staffButtons = new FlowPane(12, 12);
        staffButtons.setAlignment(Pos.CENTER);
        staffButtons.setId("staffList");
        ToggleGroup group = new ToggleGroup();
        model.staff().addListener((ListChangeListener<StaffMember>) change -> fillStaff(staffButtons, group));
        fillStaff(staffButtons, group);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null && model.selectedProperty().get() != null) {
                old.setSelected(true); // one member stays picked; a second tap does not unpick
            } else if (now != null) {
                model.selectedProperty().set((StaffMember) now.getUserData());
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> group.getToggles().forEach(
                toggle -> toggle.setSelected(toggle.getUserData() == now)));

        pinField = new PasswordField();
        pinField.setId("pinField");
        pinField.getStyleClass().add(Styles.PIN_FIELD);
        pinField.setPromptText(messages.get("login.pin"));
        pinField.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().matches("\\d{0,8}") ? change : null));
        pinField.textProperty().bindBidirectional(model.pinProperty());
        pinField.setOnAction(event -> model.signIn());
        pinField.setMaxWidth(280);

        Button signIn = new Button(messages.get("login.signIn"), new FontIcon(Material2AL.LOGIN));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().addAll(Styles.ACTION, atlantafx.base.theme.Styles.ACCENT);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(event -> model.signIn());
        signIn.setMaxWidth(280);

        TextField badge = new TextField();
        badge.setId("badgeField");
        badge.setPromptText(messages.get("login.badge"));
        badge.setMaxWidth(280);
        badge.setOnAction(event -> {
            model.signInByBadge(badge.getText());
            badge.clear();
        });

        Label message = new Label();
        message.setId("loginMessage");
        message.getStyleClass().add(Styles.MESSAGE);
        message.textProperty().bind(model.messageProperty());
        message.pseudoClassStateChanged(Styles.ERROR, true);

        VBox form = new VBox(12, store, prompt, staffButtons, pinField, keypad(), signIn, badge, message);
        form.setAlignment(Pos.CENTER);
        form.setMaxWidth(560);
        if (!demoHints.isEmpty()) {
            Label hint = new Label(String.join("\n", demoHints));
            hint.setId("demoHint");
            hint.getStyleClass().add(Styles.HINT);
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE); // never clip a line of the demo sign-in help
            form.getChildren().add(hint);
        }
        StackPane root = new StackPane(form);
        root.getStyleClass().add(Styles.LOGIN);
        return root;
    }

    /** Puts the keyboard focus in the PIN field. */
    public void focus() {
        if (pinField != null) {
            pinField.requestFocus();
        }
    }

    private void fillStaff(FlowPane pane, ToggleGroup group) {
        pane.getChildren().clear();
        group.getToggles().clear();
        for (StaffMember member : model.staff()) {
            ToggleButton button = new ToggleButton(member.displayName(), new FontIcon(Material2AL.ACCOUNT_CIRCLE));
            button.getStyleClass().add(Styles.STAFF_BUTTON);
            button.setUserData(member);
            button.setToggleGroup(group);
            button.setSelected(member.equals(model.selectedProperty().get()));
            button.setOnAction(event -> focus());
            pane.getChildren().add(button);
        }
    }

    private GridPane keypad() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.KEYPAD);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setAlignment(Pos.CENTER);
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "\u232B"};
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            Button button = new Button(key);
            button.getStyleClass().add(Styles.KEY);
            button.setId(switch (key) {
                case "C" -> "keyClear";
                case "\u232B" -> "keyBackspace";
                default -> "key" + key;
            });
            button.setFocusTraversable(false);
            button.setOnAction(event -> {
                switch (key) {
                    case "C" -> model.clearPin();
                    case "\u232B" -> model.backspace();
                    default -> model.typeDigit(key.charAt(0));
                }
                focus();
                pinField.end();
            });
            grid.add(button, i % 3, i / 3);
        }
        return grid;
    }
}
