package org.omnitill.core.cash;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.omnitill.core.config.OfficeSettings;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.NotAllowedException;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.store.TillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cash office of one till: shifts opened with a counted float, paid in and out, safe drops,
 * no-sale drawer openings, and the blind count that closes a shift. Each is a journal document
 * written with its rows in one transaction, then synced to disk.
 */
public final class CashOffice {

    private static final Logger LOG = LoggerFactory.getLogger(CashOffice.class);

    public static final String SHIFT_OPEN = "shift-open";
    public static final String SHIFT_CLOSE = "shift-close";
    public static final String CASH_MOVEMENT = "cash-movement";
    public static final String NO_SALE = "no-sale";
    public static final String SHARED_DRAWER = "TILL";

    private final TillStore store;
    private final Documents documents;
    private final PermissionPolicy policy;
    private final OfficeSettings office;
    private final Denominations denominations;
    private final Clock clock;

    public CashOffice(TillStore store, Documents documents, PermissionPolicy policy, OfficeSettings office,
                      Denominations denominations, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.policy = policy;
        this.office = office;
        this.denominations = denominations;
        this.clock = clock;
    }

    public Denominations denominations() {
        return denominations;
    }

    public OfficeSettings settings() {
        return office;
    }

    /** The drawer {@code who} takes cash into: the till's one drawer, or their own. */
    public String drawerOf(StaffMember who) {
        return drawerOf(office.drawerMode(), who);
    }

    public static String drawerOf(OfficeSettings.DrawerMode mode, StaffMember who) {
        return mode == OfficeSettings.DrawerMode.PER_CASHIER ? "STAFF-" + who.id() : SHARED_DRAWER;
    }

    public Optional<Shift> currentShift(StaffMember who) {
        return store.session().shifts().openShift(drawerOf(who));
    }

    public List<Shift> openShifts() {
        return store.session().shifts().openShifts();
    }

    /** Opens a shift on {@code who}'s drawer with the float as counted. */
    public Shift openShift(StaffMember who, CashCount floatCount) {
        String drawer = drawerOf(who);
        Instant at = clock.instant();
        UUID id = documents.newId();
        Shift shift = new Shift(id, drawer, who.id(), who.displayName(), at, floatCount.total(), null, null, null, null);
        store.transactionVoid(session -> {
            Optional<Shift> open = session.shifts().openShift(drawer);
            if (open.isPresent()) {
                throw new CashException(CashException.Code.SHIFT_ALREADY_OPEN, "drawer " + drawer
                        + " already has a shift opened by " + open.get().openedByName() + "; close it first");
            }
            Map<String, Object> fields = staff(who);
            fields.put("shift", id.toString());
            fields.put("drawer", drawer);
            fields.put("float", text(floatCount.total()));
            fields.put("count", floatCount.asMap());
            documents.write(session, SHIFT_OPEN, id, at, fields, List.of());
            session.shifts().insert(shift, floatCount.asMap());
        });
        store.syncToDisk();
        LOG.info("shift opened on drawer {} by {} with a float of {}", drawer, who.displayName(), floatCount.total());
        return shift;
    }

    /**
     * Paid in, paid out or a safe drop on {@code who}'s open shift.
     *
     * @param approval a supervisor's approval when {@code who} lacks {@code CASH_IN_OUT}; may be {@code null}
     */
    public CashMovement moveCash(StaffMember who, CashMovement.Kind kind, Money amount, String reasonCode, String note,
                                 Approval approval) {
        if (kind == CashMovement.Kind.NO_SALE) {
            throw new IllegalArgumentException("use noSale for a drawer opening");
        }
        if (amount == null || amount.amount().signum() <= 0) {
            throw new CashException(CashException.Code.BAD_AMOUNT, "the amount must be more than zero");
        }
        if (amount.amount().compareTo(new BigDecimal("1000000")) >= 0) {
            throw new CashException(CashException.Code.BAD_AMOUNT, "the amount " + amount.amount().toPlainString()
                    + " is more than a drawer holds");
        }
        String reason = reasonCode == null ? "" : reasonCode.strip();
        if (kind != CashMovement.Kind.SAFE_DROP && !office.cashReasons().contains(reason)) {
            throw new CashException(CashException.Code.NEEDS_REASON, "choose a reason: " + String.join(", ", office.cashReasons()));
        }
        String approvedBy = authorize(who, Permission.CASH_IN_OUT, approval);
        return record(who, kind, amount, reason.isEmpty() ? null : reason, note, approvedBy);
    }

    /**
     * Records an audited drawer opening without a sale. The caller opens the drawer once this returns.
     *
     * @param approval a supervisor's approval when {@code who} lacks {@code NO_SALE}; may be {@code null}
     */
    public CashMovement noSale(StaffMember who, String note, Approval approval) {
        String approvedBy = authorize(who, Permission.NO_SALE, approval);
        return record(who, CashMovement.Kind.NO_SALE, Money.zero(denominations.currency()), null, note, approvedBy);
    }

    private CashMovement record(StaffMember who, CashMovement.Kind kind, Money amount, String reason, String note,
                                String approvedBy) {
        Instant at = clock.instant();
        UUID id = documents.newId();
        String stripped = note == null ? "" : note.strip();
        String cleanNote = stripped.isEmpty() ? null : stripped.substring(0, Math.min(200, stripped.length()));
        CashMovement movement = store.transaction(session -> {
            Optional<Shift> shift = session.shifts().openShift(drawerOf(who));
            if (shift.isEmpty() && kind != CashMovement.Kind.NO_SALE) {
                throw new CashException(CashException.Code.NO_OPEN_SHIFT, "open a shift on drawer " + drawerOf(who) + " first");
            }
            CashMovement m = new CashMovement(id, shift.map(Shift::id).orElse(null), kind, amount, reason, cleanNote,
                    who.id(), who.displayName(), approvedBy, at);
            Map<String, Object> fields = staff(who);
            fields.put("shift", m.shiftId() == null ? null : m.shiftId().toString());
            fields.put("kind", kind.name());
            fields.put("amount", text(amount));
            fields.put("reason", reason);
            fields.put("note", cleanNote);
            fields.put("approvedBy", approvedBy);
            String detail = kind == CashMovement.Kind.NO_SALE ? "drawer opened without a sale"
                    : kind.name().toLowerCase().replace('_', ' ') + " " + amount.amount().toPlainString()
                    + (reason == null ? "" : " (" + reason + ")");
            var entry = documents.write(session, kind == CashMovement.Kind.NO_SALE ? NO_SALE : CASH_MOVEMENT, id, at, fields,
                    List.of(new AuditEntry(kind.name(), who.id(), who.displayName(), approvedBy,
                            kind == CashMovement.Kind.NO_SALE ? null : amount.amount(), detail)));
            session.shifts().addMovement(m, entry.sequence());
            return m;
        });
        store.syncToDisk();
        return movement;
    }

    /** What closing {@code who}'s shift with {@code counted} would show; writes nothing. */
    public record CloseCheck(Shift shift, Money expected, Money counted, Money variance, boolean needsApproval,
                             CashCount count) {
    }

    /**
     * Compares a blind count with what the drawer should hold. The screen shows the expected amount
     * only from this answer on, after the count was entered.
     */
    public CloseCheck check(StaffMember who, CashCount counted) {
        Shift shift = currentShift(who).orElseThrow(() -> new CashException(CashException.Code.NO_OPEN_SHIFT,
                "there is no open shift on drawer " + drawerOf(who)));
        Money expected = expectedCash(shift);
        Money variance = counted.total().minus(expected);
        boolean needsApproval = variance.amount().abs().compareTo(office.varianceLimit()) > 0;
        return new CloseCheck(shift, expected, counted.total(), variance, needsApproval, counted);
    }

    /** Float, plus cash from sales, plus paid in, less paid out and safe drops. */
    public Money expectedCash(Shift shift) {
        return expectedCash(store.session().shifts(), shift);
    }

    /** The movements of a shift, oldest first. */
    public List<CashMovement> movements(Shift shift) {
        return store.session().shifts().movements(shift.id());
    }

    /**
     * Closes the shift checked by {@link #check}. A variance above the store's limit needs a reason
     * and {@code ACCEPT_VARIANCE}: {@code who}'s own, or a supervisor's approval.
     */
    public Shift close(StaffMember who, CloseCheck check, String varianceReason, Approval approval) {
        String reason = varianceReason == null || varianceReason.isBlank() ? null : varianceReason.strip();
        String approvedBy = null;
        if (check.needsApproval()) {
            if (reason == null) {
                throw new CashException(CashException.Code.NEEDS_REASON, "the drawer is " + overShort(check.variance())
                        + "; give a reason");
            }
            try {
                approvedBy = authorize(who, Permission.ACCEPT_VARIANCE, approval);
            } catch (NotAllowedException e) {
                throw new CashException(CashException.Code.NEEDS_APPROVAL, "the drawer is " + overShort(check.variance())
                        + ", more than the limit of " + office.varianceLimit().toPlainString() + "; a manager must approve");
            }
        }
        Instant at = clock.instant();
        UUID id = documents.newId();
        String approver = approvedBy;
        Shift closed = store.transaction(session -> {
            Shift shift = session.shifts().find(check.shift().id()).filter(Shift::isOpen)
                    .orElseThrow(() -> new CashException(CashException.Code.NO_OPEN_SHIFT, "this shift was already closed"));
            // sales or cash movements since the check change what is expected: count against the new figure
            Money expected = expectedCash(session.shifts(), shift);
            if (expected.compareTo(check.expected()) != 0) {
                throw new CashException(CashException.Code.BAD_COUNT, "cash moved since the count; count again");
            }
            Map<String, Object> fields = staff(who);
            fields.put("shift", shift.id().toString());
            fields.put("drawer", shift.drawer());
            fields.put("openedAt", shift.openedAt().toString());
            fields.put("float", text(shift.openingFloat()));
            fields.put("expected", text(check.expected()));
            fields.put("counted", text(check.counted()));
            fields.put("variance", text(check.variance()));
            fields.put("count", check.count().asMap());
            fields.put("varianceReason", reason);
            fields.put("approvedBy", approver);
            List<AuditEntry> audit = new ArrayList<>();
            if (!check.variance().isZero()) {
                audit.add(new AuditEntry("VARIANCE", who.id(), who.displayName(), approver, check.variance().amount(),
                        "drawer " + shift.drawer() + " " + overShort(check.variance()) + (reason == null ? "" : ": " + reason)));
            }
            var entry = documents.write(session, SHIFT_CLOSE, id, at, fields, audit);
            session.shifts().close(shift.id(), at, who.id(), who.displayName(), check.expected(), check.counted(),
                    check.count().asMap(), reason, approver, entry.sequence());
            return session.shifts().find(shift.id()).orElseThrow();
        });
        store.syncToDisk();
        LOG.info("shift on drawer {} closed by {}: expected {}, counted {}", closed.drawer(), who.displayName(),
                check.expected(), check.counted());
        return closed;
    }

    /** Float, plus cash from sales, plus paid in, less paid out and safe drops, as {@code shifts} sees them. */
    public static Money expectedCash(ShiftRepository shifts, Shift shift) {
        Money expected = shift.openingFloat().plus(Money.of(shifts.netCashFromSales(shift.id()),
                shift.openingFloat().currency()));
        for (CashMovement m : shifts.movements(shift.id())) {
            expected = m.kind().sign() > 0 ? expected.plus(m.amount()) : m.kind().sign() < 0 ? expected.minus(m.amount()) : expected;
        }
        return expected;
    }

    /** The approver's name when an approval was needed, {@code null} when {@code who} may do it. */
    private String authorize(StaffMember who, Permission permission, Approval approval) {
        if (policy.allows(who, permission)) {
            return null;
        }
        if (approval == null || approval.permission() != permission || !policy.allows(approval.approver(), permission)) {
            throw new NotAllowedException(who, permission);
        }
        return approval.approver().displayName();
    }

    private static String overShort(Money variance) {
        return variance.isNegative() ? "short by " + variance.amount().negate().toPlainString()
                : "over by " + variance.amount().toPlainString();
    }

    private static Map<String, Object> staff(StaffMember who) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("staff", Map.of("id", who.id(), "name", who.displayName()));
        return fields;
    }

    private static String text(Money money) {
        return money.amount().toPlainString();
    }
}
