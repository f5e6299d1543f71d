package org.omnitill.desktop.cash;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.cash.CashException;
import org.omnitill.core.cash.CashMovement;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.cash.Shift;
import org.omnitill.core.money.Money;
import org.omnitill.core.report.ReportDocument;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.NotAllowedException;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cash office for the signed-in member: open and close the shift (blind count), paid in and out,
 * safe drops, no-sale, the X report and the Z. Every call runs off the FX thread; refusals for want
 * of a permission go to the approval prompt and are retried with the approval.
 */
public final class CashOfficeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CashOfficeViewModel.class);

    /** Asks a supervisor to approve one action (see {@code ApprovalDialog}). */
    public interface ApprovalPrompt {
        void ask(Permission permission, Consumer<Approval> onApproved, Consumer<String> onRefused);
    }

    private final Till till;
    private final StaffMember member;
    private final Tasks tasks;
    private final Messages messages;
    private final ApprovalPrompt approvals;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty shiftText = new SimpleStringProperty("");

    public CashOfficeViewModel(Till till, StaffMember member, Tasks tasks, Messages messages, ApprovalPrompt approvals) {
        this.till = till;
        this.member = member;
        this.tasks = tasks;
        this.messages = messages;
        this.approvals = approvals;
    }

    public CashOffice office() {
        return till.cashOffice();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty shiftProperty() {
        return shiftText;
    }

    /** Reads whether the member's drawer has an open shift. */
    public void load() {
        tasks.run(() -> office().currentShift(member))
                .onSuccess(shift -> shiftText.set(shift.map(this::describe).orElse(messages.get("cash.noShift"))))
                .onFailure(this::failed)
                .start();
    }

    private String describe(Shift shift) {
        return messages.format("cash.shiftOpen", shift.drawer(), shift.openedByName(), format(shift.openingFloat()));
    }

    /** Parses typed counts; a wrong entry is shown and {@code null} returned. */
    public CashCount parse(Map<BigDecimal, String> typed) {
        try {
            return CashCount.parse(office().denominations(), typed);
        } catch (CashException e) {
            message.set(messages.format("cash.error.count", e.getMessage()));
            return null;
        }
    }

    public void openShift(CashCount count, Runnable done) {
        run(() -> office().openShift(member, count), shift -> {
            message.set(messages.format("cash.opened", format(shift.openingFloat())));
            load();
            done.run();
        });
    }

    /** Paid in, paid out or safe drop; amount as typed. */
    public void move(CashMovement.Kind kind, String amountText, String reason, String note) {
        Money amount;
        try {
            amount = Money.of(new BigDecimal(amountText.strip().replace(',', '.')), office().denominations().currency());
        } catch (NumberFormatException | NullPointerException e) {
            message.set(messages.get("sell.error.number"));
            return;
        }
        withApproval(Permission.CASH_IN_OUT, approval -> run(() -> office().moveCash(member, kind, amount, reason, note, approval),
                m -> message.set(messages.format("cash.moved", messages.get("cash.kind." + kind.name()), format(m.amount())))));
    }

    /** Records the no-sale; {@code openDrawer} then opens the drawer. */
    public void noSale(String note, Runnable openDrawer) {
        withApproval(Permission.NO_SALE, approval -> run(() -> office().noSale(member, note, approval), m -> {
            message.set(messages.get("cash.noSaleDone"));
            openDrawer.run();
        }));
    }

    /** Step one of closing: the blind count goes in, the expected figure and variance come back. */
    public void check(CashCount count, Consumer<CashOffice.CloseCheck> show) {
        run(() -> office().check(member, count), show);
    }

    /** Step two: closes with a reason (and approval) when the variance is above the limit. */
    public void close(CashOffice.CloseCheck check, String reason, Runnable done) {
        Consumer<Approval> closeWith = approval -> run(() -> office().close(member, check, reason, approval), shift -> {
            message.set(messages.format("cash.closed", format(shift.countedCash()), format(shift.variance())));
            load();
            done.run();
        });
        if (check.needsApproval() && !till.logins().policy().allows(member, Permission.ACCEPT_VARIANCE)) {
            approvals.ask(Permission.ACCEPT_VARIANCE, closeWith, message::set);
        } else {
            closeWith.accept(null);
        }
    }

    public void xReport(Locale locale, Consumer<ReportDocument> show) {
        withApproval(Permission.X_REPORT, approval -> run(() -> till.reports().x(locale), show));
    }

    /** The back-office reports over whole days. */
    public enum RangeReport { SALES, TAX, EXCEPTIONS }

    /** Sales, tax or exceptions over {@code from} to {@code to}; needs {@code BACK_OFFICE}. */
    public void rangeReport(RangeReport kind, java.time.LocalDate from, java.time.LocalDate to, Locale locale,
                            Consumer<ReportDocument> show) {
        if (from == null || to == null || to.isBefore(from)) {
            message.set(messages.get("report.error.range"));
            return;
        }
        withApproval(Permission.BACK_OFFICE, approval -> run(() -> switch (kind) {
            case SALES -> till.reports().sales(from, to, locale);
            case TAX -> till.reports().taxSummary(from, to, locale);
            case EXCEPTIONS -> till.reports().exceptions(from, to, locale);
        }, show));
    }

    /** Closes the day (Z) and shows its report. */
    public void closeDay(Locale locale, Consumer<ReportDocument> show) {
        withApproval(Permission.Z_REPORT, approval -> run(() -> {
            var z = till.dayClose().close(member, approval);
            ReportDocument report = till.reports().z(z, locale);
            till.printReportSlip(report, "Z-" + z.number());
            return report;
        }, show));
    }

    /** Draws a report's pages as PNG images in the background, for the preview. */
    public void pages(ReportDocument document, Consumer<List<byte[]>> show) {
        run(() -> {
            List<byte[]> pngs = new java.util.ArrayList<>();
            for (var page : org.omnitill.core.report.PdfReports.pages(document, 1.25f)) {
                java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(page, "png", png);
                pngs.add(png.toByteArray());
            }
            return pngs;
        }, show);
    }

    /** Writes a report as PDF to {@code file} in the background. */
    public void savePdf(ReportDocument document, java.nio.file.Path file) {
        run(() -> {
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                org.omnitill.core.report.PdfReports.writePdf(document, out);
            }
            return file;
        }, saved -> message.set(messages.format("report.saved", saved)));
    }

    /** Sends a report to a system printer, asking which with the system's dialog. */
    public void print(ReportDocument document) {
        tasks.run(() -> org.omnitill.core.report.PdfReports.print(document, true)).onFailure(this::failed).start();
    }

    private void withApproval(Permission permission, Consumer<Approval> action) {
        if (till.logins().policy().allows(member, permission)) {
            action.accept(null);
        } else {
            approvals.ask(permission, action, message::set);
        }
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess) {
        message.set("");
        tasks.run(work).onSuccess(onSuccess).onFailure(this::failed).start();
    }

    private void failed(Throwable error) {
        if (error instanceof java.io.IOException || error instanceof java.io.UncheckedIOException) {
            message.set(messages.format("report.saveFailed", error.getMessage()));
        } else if (error instanceof CashException cash) {
            message.set(messages.format("cash.error." + cash.code().name(), cash.getMessage()));
        } else if (error instanceof NotAllowedException refused) {
            message.set(messages.format("approval.needed", messages.get("permission." + refused.permission().name())));
        } else {
            LOG.error("cash office operation failed", error);
            message.set(messages.get("sell.error.failed"));
        }
    }

    private String format(Money money) {
        return money == null ? "" : money.format(messages.locale());
    }
}
