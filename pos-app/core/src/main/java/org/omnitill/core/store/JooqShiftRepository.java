package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.CASH_MOVEMENT;
import static org.omnitill.core.store.jooq.Tables.SALE;
import static org.omnitill.core.store.jooq.Tables.SALE_TENDER;
import static org.omnitill.core.store.jooq.Tables.SHIFT;
import static org.omnitill.core.store.jooq.Tables.Z_CLOSE;
import static org.omnitill.core.store.jooq.Tables.Z_HEAD;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.omnitill.core.cash.CashMovement;
import org.omnitill.core.cash.Shift;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.money.Money;
import org.omnitill.core.store.jooq.tables.records.ShiftRecord;
import org.omnitill.core.store.jooq.tables.records.ZHeadRecord;

final class JooqShiftRepository implements ShiftRepository {

    private final DSLContext dsl;
    private final Currency currency;

    JooqShiftRepository(DSLContext dsl, Currency currency) {
        this.dsl = dsl;
        this.currency = currency;
    }

    @Override
    public Optional<Shift> openShift(String drawer) {
        return dsl.selectFrom(SHIFT)
                .where(SHIFT.DRAWER.eq(drawer).and(SHIFT.CLOSED_AT.isNull()))
                .orderBy(SHIFT.OPENED_AT)
                .limit(1)
                .fetchOptional(this::shift);
    }

    @Override
    public List<Shift> openShifts() {
        return dsl.selectFrom(SHIFT).where(SHIFT.CLOSED_AT.isNull()).orderBy(SHIFT.OPENED_AT).fetch(this::shift);
    }

    @Override
    public Optional<Shift> find(UUID shiftId) {
        return dsl.selectFrom(SHIFT).where(SHIFT.ID.eq(shiftId)).fetchOptional(this::shift);
    }

    @Override
    public void insert(Shift shift, Map<String, Object> floatCount) {
        dsl.insertInto(SHIFT)
                .set(SHIFT.ID, shift.id())
                .set(SHIFT.DRAWER, shift.drawer())
                .set(SHIFT.OPENED_BY, shift.openedById())
                .set(SHIFT.OPENED_BY_NAME, shift.openedByName())
                .set(SHIFT.OPENED_AT, utc(shift.openedAt()))
                .set(SHIFT.OPENING_FLOAT, shift.openingFloat().amount())
                .set(SHIFT.FLOAT_COUNT, CanonicalJson.write(floatCount))
                .execute();
    }

    @Override
    public void close(UUID shiftId, Instant closedAt, long closedById, String closedByName, Money expected, Money counted,
                      Map<String, Object> closeCount, String varianceReason, String approvedBy, long closeSequence) {
        dsl.update(SHIFT)
                .set(SHIFT.CLOSED_AT, utc(closedAt))
                .set(SHIFT.CLOSED_BY, closedById)
                .set(SHIFT.CLOSED_BY_NAME, closedByName)
                .set(SHIFT.EXPECTED_CASH, expected.amount())
                .set(SHIFT.COUNTED_CASH, counted.amount())
                .set(SHIFT.CLOSE_COUNT, CanonicalJson.write(closeCount))
                .set(SHIFT.VARIANCE_REASON, varianceReason)
                .set(SHIFT.VARIANCE_APPROVED_BY, approvedBy)
                .set(SHIFT.CLOSE_SEQUENCE, closeSequence)
                .where(SHIFT.ID.eq(shiftId))
                .execute();
    }

    @Override
    public void addMovement(CashMovement m, long journalSequence) {
        dsl.insertInto(CASH_MOVEMENT)
                .set(CASH_MOVEMENT.ID, m.id())
                .set(CASH_MOVEMENT.SHIFT_ID, m.shiftId())
                .set(CASH_MOVEMENT.KIND, m.kind().name())
                .set(CASH_MOVEMENT.AMOUNT, m.amount().amount())
                .set(CASH_MOVEMENT.REASON_CODE, m.reasonCode())
                .set(CASH_MOVEMENT.NOTE, m.note())
                .set(CASH_MOVEMENT.STAFF_ID, m.staffId())
                .set(CASH_MOVEMENT.STAFF_NAME, m.staffName())
                .set(CASH_MOVEMENT.APPROVED_BY, m.approvedBy())
                .set(CASH_MOVEMENT.CREATED_AT, utc(m.at()))
                .set(CASH_MOVEMENT.JOURNAL_SEQUENCE, journalSequence)
                .execute();
    }

    @Override
    public List<CashMovement> movements(UUID shiftId) {
        return dsl.selectFrom(CASH_MOVEMENT)
                .where(CASH_MOVEMENT.SHIFT_ID.eq(shiftId))
                .orderBy(CASH_MOVEMENT.JOURNAL_SEQUENCE)
                .fetch(r -> new CashMovement(r.getId(), r.getShiftId(), CashMovement.Kind.valueOf(r.getKind()),
                        Money.of(r.getAmount(), currency), r.getReasonCode(), r.getNote(), r.getStaffId(), r.getStaffName(),
                        r.getApprovedBy(), r.getCreatedAt().toInstant()));
    }

    @Override
    public BigDecimal netCashFromSales(UUID shiftId) {
        // a refund's cash tender is paid out; change is handed back on sales
        BigDecimal tendered = dsl.select(DSL.sum(DSL.when(SALE.TOTAL.lt(BigDecimal.ZERO), SALE_TENDER.AMOUNT.neg())
                        .otherwise(SALE_TENDER.AMOUNT)))
                .from(SALE_TENDER)
                .join(SALE).on(SALE.ID.eq(SALE_TENDER.SALE_ID))
                .where(SALE.SHIFT_ID.eq(shiftId).and(SALE_TENDER.KIND.eq("CASH")))
                .fetchOne(0, BigDecimal.class);
        BigDecimal change = dsl.select(DSL.sum(SALE.CHANGE_GIVEN))
                .from(SALE)
                .where(SALE.SHIFT_ID.eq(shiftId))
                .fetchOne(0, BigDecimal.class);
        return (tendered == null ? BigDecimal.ZERO : tendered).subtract(change == null ? BigDecimal.ZERO : change);
    }

    @Override
    public ZHead zHead(boolean forUpdate) {
        var query = dsl.selectFrom(Z_HEAD).where(Z_HEAD.ID.eq(1));
        ZHeadRecord head = forUpdate ? query.forUpdate().fetchSingle() : query.fetchSingle();
        return new ZHead(head.getLastNumber(), head.getLastSequence(), head.getGrandTotal());
    }

    @Override
    public void recordZ(long number, Instant closedAt, String closedByName, long fromSequence, long toSequence,
                        BigDecimal periodTotal, BigDecimal grandTotal, long journalSequence) {
        dsl.insertInto(Z_CLOSE)
                .set(Z_CLOSE.Z_NUMBER, number)
                .set(Z_CLOSE.CLOSED_AT, utc(closedAt))
                .set(Z_CLOSE.CLOSED_BY_NAME, closedByName)
                .set(Z_CLOSE.FROM_SEQUENCE, fromSequence)
                .set(Z_CLOSE.TO_SEQUENCE, toSequence)
                .set(Z_CLOSE.PERIOD_TOTAL, periodTotal)
                .set(Z_CLOSE.GRAND_TOTAL, grandTotal)
                .set(Z_CLOSE.JOURNAL_SEQUENCE, journalSequence)
                .execute();
        int updated = dsl.update(Z_HEAD)
                .set(Z_HEAD.LAST_NUMBER, number)
                .set(Z_HEAD.LAST_SEQUENCE, toSequence)
                .set(Z_HEAD.GRAND_TOTAL, grandTotal)
                .where(Z_HEAD.ID.eq(1).and(Z_HEAD.LAST_NUMBER.eq(number - 1)))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("Z " + number + " does not follow the last Z");
        }
    }

    @Override
    public void assignToZ(long number) {
        dsl.update(SHIFT).set(SHIFT.Z_NUMBER, number)
                .where(SHIFT.CLOSED_AT.isNotNull().and(SHIFT.Z_NUMBER.isNull()))
                .execute();
    }

    @Override
    public List<ZClose> zClosesBetween(Instant from, Instant to) {
        return dsl.selectFrom(Z_CLOSE)
                .where(Z_CLOSE.CLOSED_AT.ge(utc(from)).and(Z_CLOSE.CLOSED_AT.lt(utc(to))))
                .orderBy(Z_CLOSE.Z_NUMBER)
                .fetch(r -> new ZClose(r.getZNumber(), r.getClosedAt().toInstant(), r.getClosedByName(), r.getFromSequence(),
                        r.getToSequence(), r.getPeriodTotal(), r.getGrandTotal()));
    }

    @Override
    public Optional<ZClose> zClose(long number) {
        return dsl.selectFrom(Z_CLOSE).where(Z_CLOSE.Z_NUMBER.eq(number))
                .fetchOptional(r -> new ZClose(r.getZNumber(), r.getClosedAt().toInstant(), r.getClosedByName(),
                        r.getFromSequence(), r.getToSequence(), r.getPeriodTotal(), r.getGrandTotal()));
    }

    private Shift shift(ShiftRecord r) {
        return new Shift(r.getId(), r.getDrawer(), r.getOpenedBy(), r.getOpenedByName(), r.getOpenedAt().toInstant(),
                Money.of(r.getOpeningFloat(), currency), r.getClosedAt() == null ? null : r.getClosedAt().toInstant(),
                r.getClosedByName(), r.getExpectedCash() == null ? null : Money.of(r.getExpectedCash(), currency),
                r.getCountedCash() == null ? null : Money.of(r.getCountedCash(), currency));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
