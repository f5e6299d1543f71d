package org.omnitill.core.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.omnitill.core.cash.CashException;
import org.omnitill.core.cash.Shift;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.journal.JournalEntry;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.NotAllowedException;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.store.TillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the day with a Z: the next gapless Z number, the period's total and the perpetual grand
 * total, written into the journal. The period is every journal entry after the previous Z. The day
 * does not close while a sale is open or parked or a drawer is not counted.
 */
public final class DayClose {

    private static final Logger LOG = LoggerFactory.getLogger(DayClose.class);

    public static final String TYPE = "z-close";

    private final TillStore store;
    private final Documents documents;
    private final Reports reports;
    private final PermissionPolicy policy;
    private final IntSupplier openSales;
    private final Clock clock;

    /**
     * @param openSales how many sales are being rung up or parked on this till right now
     */
    public DayClose(TillStore store, Documents documents, Reports reports, PermissionPolicy policy, IntSupplier openSales,
                    Clock clock) {
        this.store = store;
        this.documents = documents;
        this.reports = reports;
        this.policy = policy;
        this.openSales = openSales;
        this.clock = clock;
    }

    /**
     * Closes the period and returns the recorded Z.
     *
     * @param approval a manager's approval when {@code who} lacks {@code Z_REPORT}; may be {@code null}
     */
    public ShiftRepository.ZClose close(StaffMember who, Approval approval) {
        String approvedBy = null;
        if (!policy.allows(who, Permission.Z_REPORT)) {
            if (approval == null || approval.permission() != Permission.Z_REPORT
                    || !policy.allows(approval.approver(), Permission.Z_REPORT)) {
                throw new NotAllowedException(who, Permission.Z_REPORT);
            }
            approvedBy = approval.approver().displayName();
        }
        int open = openSales.getAsInt();
        if (open > 0) {
            throw new CashException(CashException.Code.SALE_OPEN, open == 1
                    ? "a sale is open or parked; finish, void or recall it before closing the day"
                    : open + " sales are open or parked; finish, void or recall them before closing the day");
        }
        List<Shift> shifts = store.session().shifts().openShifts();
        if (!shifts.isEmpty()) {
            throw new CashException(CashException.Code.SHIFTS_OPEN, "count and close the drawer"
                    + (shifts.size() == 1 ? " " : "s ") + String.join(", ", shifts.stream().map(Shift::drawer).toList())
                    + " before closing the day");
        }
        Instant at = clock.instant();
        String approver = approvedBy;
        ShiftRepository.ZClose z = store.transaction(session -> {
            ShiftRepository.ZHead head = session.shifts().zHead(true);
            long from = head.lastSequence() + 1;
            long lastBefore = session.reports().journalHead();
            DayFigures figures = reports.figuresIn(session, new ReportRange.Sequences(from, lastBefore));
            long number = head.lastNumber() + 1;
            BigDecimal period = figures.netTotal();
            BigDecimal grand = head.grandTotal().add(period);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("z", number);
            fields.put("staff", Map.of("id", who.id(), "name", who.displayName()));
            fields.put("approvedBy", approver);
            fields.put("fromSequence", from);
            fields.put("sales", figures.sums().sales());
            fields.put("refunds", figures.sums().refunds());
            fields.put("salesTotal", figures.sums().salesTotal().toPlainString());
            fields.put("refundsTotal", figures.sums().refundsTotal().toPlainString());
            fields.put("periodTotal", period.toPlainString());
            fields.put("grandTotal", grand.toPlainString());
            fields.put("tenders", figures.tenders().stream().map(t -> Map.of("kind", t.kind(),
                    "brand", t.brand() == null ? "" : t.brand(), "count", t.count(), "amount", t.amount().toPlainString())).toList());
            fields.put("taxes", figures.taxes().stream().map(t -> Map.of("code", t.code(), "percent", t.percent().toPlainString(),
                    "net", t.net().toPlainString(), "tax", t.tax().toPlainString(), "gross", t.gross().toPlainString())).toList());
            fields.put("cashExpected", figures.expectedCash().toPlainString());
            fields.put("cashCounted", figures.countedCash().toPlainString());
            fields.put("unsentDocuments", figures.unsentDocuments());
            JournalEntry entry = documents.write(session, TYPE, documents.newId(), at, fields, List.of(new AuditEntry("Z_CLOSE",
                    who.id(), who.displayName(), approver, period, "Z " + number + " closed")));
            // the period runs to the Z's own journal entry
            session.shifts().recordZ(number, at, who.displayName(), from, entry.sequence(), period, grand, entry.sequence());
            session.shifts().assignToZ(number);
            return new ShiftRepository.ZClose(number, at, who.displayName(), from, entry.sequence(), period, grand);
        });
        store.syncToDisk();
        LOG.info("day closed: Z {} by {}, period total {}, grand total {}", z.number(), who.displayName(),
                z.periodTotal(), z.grandTotal());
        return z;
    }
}
