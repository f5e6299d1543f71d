package org.omnitill.desktop.staff;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.ApprovalRefusedException;
import org.omnitill.core.staff.LoginService;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A supervisor approves one action for the signed-in cashier: picks their name and types their PIN,
 * or scans their badge. The PIN is checked in the background (the hash is slow on purpose); a wrong
 * PIN counts towards the supervisor's lockout.
 */
public final class ApprovalDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDialog.class);

    private ApprovalDialog() {
    }

    /**
     * Shows the dialog; {@code onApproved} runs on the FX thread with the approval, {@code onRefused}
     * with a message for the cashier when the PIN or badge did not count or the dialog was cancelled.
     */
    public static void show(Window owner, LoginService logins, Tasks tasks, Messages messages, StaffMember cashier,
                            Permission permission, Consumer<Approval> onApproved, Consumer<String> onRefused) {
        // who may approve is read from the store in the background, then the dialog opens
        tasks.run(logins::activeStaff)
                .onSuccess(staff -> ask(owner, logins, tasks, messages, cashier, permission, staff.stream()
                        .filter(m -> m.id() != cashier.id() && logins.policy().allows(m, permission)).toList(),
                        onApproved, onRefused))
                .onFailure(error -> {
                    LOG.error("the staff list could not be read for an approval", error);
                    onRefused.accept(messages.get("sell.error.failed"));
                })
                .start();
    }

    private static void ask(Window owner, LoginService logins, Tasks tasks, Messages messages, StaffMember cashier,
                            Permission permission, List<StaffMember> approvers, Consumer<Approval> onApproved,
                            Consumer<String> onRefused) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("approval.title"));
        dialog.setHeaderText(messages.format("approval.header", cashier.displayName(),
                messages.get("permission." + permission.name())));
        ComboBox<StaffMember> who = new ComboBox<>();
        who.getItems().setAll(approvers);
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(StaffMember member) {
                return member == null ? "" : member.displayName() + " (" + messages.get("role." + member.role().name()) + ")";
            }

            @Override
            public StaffMember fromString(String text) {
                return null;
            }
        });
        if (approvers.size() == 1) {
            who.getSelectionModel().select(0);
        }
        PasswordField pin = new PasswordField();
        pin.setId("approvalPin");
        TextField badge = new TextField();
        badge.setId("approvalBadge");
        badge.setPromptText(messages.get("approval.badgePrompt"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("approval.who")), who);
        grid.addRow(1, new Label(messages.get("login.pin")), pin);
        grid.addRow(2, new Label(messages.get("approval.badge")), badge);
        if (approvers.isEmpty()) {
            grid.add(new Label(messages.get("approval.nobody")), 0, 3, 2, 1);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> javafx.application.Platform.runLater((approvers.size() == 1 ? pin : who)::requestFocus));
        var answer = dialog.showAndWait().filter(ButtonType.OK::equals);
        if (answer.isEmpty()) {
            onRefused.accept(messages.get("approval.cancelled"));
            return;
        }
        String badgeText = badge.getText();
        StaffMember approver = who.getValue();
        char[] typed = pin.getText().toCharArray();
        pin.clear();
        if ((badgeText == null || badgeText.isBlank()) && approver == null) {
            onRefused.accept(messages.get("approval.pickWho"));
            return;
        }
        if ((badgeText == null || badgeText.isBlank()) && typed.length == 0) {
            onRefused.accept(messages.get("approval.typePin"));
            return;
        }
        tasks.run(() -> badgeText != null && !badgeText.isBlank()
                        ? logins.approveByBadge(permission, cashier, badgeText)
                        : logins.approve(permission, cashier, approver, typed))
                .onSuccess(onApproved)
                .onFailure(error -> {
                    if (error instanceof ApprovalRefusedException refused) {
                        onRefused.accept(messages.format("approval.refused", refused.getMessage()));
                    } else {
                        LOG.error("approval failed", error);
                        onRefused.accept(messages.get("sell.error.failed"));
                    }
                })
                .start();
    }
}
