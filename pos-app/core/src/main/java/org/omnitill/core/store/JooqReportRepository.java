package org.omnitill.core.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.omnitill.core.report.ReportRange;
import org.omnitill.core.report.ReportRepository;

/**
 * The report queries. Plain SQL over the local store: sums of stored {@code DECIMAL} amounts,
 * grouped; every formatting and derived figure is done by the caller.
 */
final class JooqReportRepository implements ReportRepository {

    private final DSLContext dsl;

    JooqReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A range as a SQL condition on {@code alias}'s sequence or time column, with its bind values. */
    private record Where(String sql, Object[] binds) {
        Object[] with(Object... more) {
            Object[] all = new Object[binds.length + more.length];
            System.arraycopy(binds, 0, all, 0, binds.length);
            System.arraycopy(more, 0, all, binds.length, more.length);
            return all;
        }
    }

    private static Where where(ReportRange range, String sequenceColumn, String timeColumn) {
        return switch (range) {
            case ReportRange.Sequences s -> new Where(sequenceColumn + " BETWEEN ? AND ?", new Object[] {s.from(), s.to()});
            case ReportRange.Times t -> new Where(timeColumn + " >= ? AND " + timeColumn + " < ?",
                    new Object[] {utc(t.from()), utc(t.to())});
        };
    }

    private static Where sales(ReportRange range) {
        return where(range, "s.journal_sequence", "s.completed_at");
    }

    @Override
    public SaleSums saleSums(ReportRange range) {
        Where w = sales(range);
        Record r = dsl.fetchOne("SELECT COALESCE(SUM(CASE WHEN s.total >= 0 THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN s.total < 0 THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN s.total >= 0 THEN s.total END), 0),"
                + " COALESCE(SUM(CASE WHEN s.total < 0 THEN s.total END), 0),"
                + " COALESCE(SUM(s.discount_total), 0), COALESCE(SUM(s.cash_rounding), 0),"
                + " MIN(s.completed_at), MAX(s.completed_at)"
                + " FROM sale s WHERE " + w.sql(), w.binds());
        return new SaleSums(r.get(0, Long.class), r.get(1, Long.class), r.get(2, BigDecimal.class), r.get(3, BigDecimal.class),
                r.get(4, BigDecimal.class), r.get(5, BigDecimal.class), instant(r.get(6, OffsetDateTime.class)),
                instant(r.get(7, OffsetDateTime.class)));
    }

    @Override
    public List<TenderSum> tenders(ReportRange range) {
        Where w = sales(range);
        List<TenderSum> sums = new ArrayList<>(dsl.fetch("SELECT t.kind, t.card_brand, COUNT(*),"
                        + " SUM(CASE WHEN s.total < 0 THEN -t.amount ELSE t.amount END)"
                        + " FROM sale_tender t JOIN sale s ON s.id = t.sale_id WHERE " + w.sql()
                        + " GROUP BY t.kind, t.card_brand ORDER BY t.kind DESC, t.card_brand", w.binds())
                .map(r -> new TenderSum(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, BigDecimal.class))));
        // change handed back comes out of the cash taken
        BigDecimal change = dsl.fetchValue("SELECT COALESCE(SUM(s.change_given), 0) FROM sale s WHERE " + w.sql(),
                w.binds()) instanceof BigDecimal b ? b : BigDecimal.ZERO;
        for (int i = 0; i < sums.size(); i++) {
            TenderSum t = sums.get(i);
            if (t.kind().equals("CASH")) {
                sums.set(i, new TenderSum(t.kind(), t.brand(), t.count(), t.amount().subtract(change)));
            }
        }
        return sums;
    }

    @Override
    public List<TaxSum> taxes(ReportRange range) {
        Where w = sales(range);
        return dsl.fetch("SELECT x.code, x.percent, SUM(x.net), SUM(x.tax), SUM(x.gross)"
                        + " FROM sale_tax x JOIN sale s ON s.id = x.sale_id WHERE " + w.sql()
                        + " GROUP BY x.code, x.percent ORDER BY x.percent DESC, x.code", w.binds())
                .map(r -> new TaxSum(r.get(0, String.class), r.get(1, BigDecimal.class), r.get(2, BigDecimal.class),
                        r.get(3, BigDecimal.class), r.get(4, BigDecimal.class)));
    }

    @Override
    public List<GroupSum> byCategory(ReportRange range) {
        Where w = sales(range);
        return dsl.fetch("SELECT c.id, c.name, SUM(l.quantity), COUNT(*), SUM(l.amount)"
                        + " FROM sale_line l JOIN sale s ON s.id = l.sale_id"
                        + " LEFT JOIN product p ON p.id = l.product_id LEFT JOIN category c ON c.id = p.category_id"
                        + " WHERE " + w.sql() + " GROUP BY c.id, c.name ORDER BY SUM(l.amount) DESC, c.name", w.binds())
                .map(this::group);
    }

    @Override
    public List<GroupSum> byProduct(ReportRange range) {
        Where w = sales(range);
        return dsl.fetch("SELECT l.sku, l.sku || ' · ' || MAX(l.name), SUM(l.quantity), COUNT(*), SUM(l.amount)"
                        + " FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE " + w.sql()
                        + " GROUP BY l.sku ORDER BY SUM(l.amount) DESC, l.sku", w.binds())
                .map(this::group);
    }

    @Override
    public List<GroupSum> byCashier(ReportRange range) {
        Where w = sales(range);
        return dsl.fetch("SELECT s.staff_id, MAX(s.staff_name), COUNT(*), COUNT(*), SUM(s.total)"
                        + " FROM sale s WHERE " + w.sql() + " GROUP BY s.staff_id ORDER BY SUM(s.total) DESC", w.binds())
                .map(this::group);
    }

    private GroupSum group(Record r) {
        Object key = r.get(0);
        return new GroupSum(key == null ? null : key.toString(), r.get(1, String.class), r.get(2, BigDecimal.class),
                r.get(3, Long.class), r.get(4, BigDecimal.class));
    }

    @Override
    public List<SaleTime> saleTimes(ReportRange range) {
        Where w = sales(range);
        return dsl.fetch("SELECT s.completed_at, s.total FROM sale s WHERE " + w.sql() + " ORDER BY s.completed_at", w.binds())
                .map(r -> new SaleTime(r.get(0, OffsetDateTime.class).toInstant(), r.get(1, BigDecimal.class)));
    }

    @Override
    public GroupSum returns(ReportRange range) {
        Where w = sales(range);
        Record r = dsl.fetchOne("SELECT COALESCE(SUM(l.quantity), 0), COUNT(*), COALESCE(SUM(l.amount), 0)"
                + " FROM sale_line l JOIN sale s ON s.id = l.sale_id WHERE l.quantity < 0 AND " + w.sql(), w.binds());
        return new GroupSum("returns", null, r.get(0, BigDecimal.class), r.get(1, Long.class), r.get(2, BigDecimal.class));
    }

    @Override
    public List<AuditSum> auditSums(ReportRange range) {
        Where w = where(range, "a.journal_sequence", "a.created_at");
        List<AuditSum> sums = new ArrayList<>(dsl.fetch("SELECT a.kind, COUNT(*), COALESCE(SUM(a.amount), 0)"
                        + " FROM audit_event a WHERE " + w.sql() + " GROUP BY a.kind ORDER BY a.kind", w.binds())
                .map(r -> new AuditSum(r.get(0, String.class), r.get(1, Long.class), r.get(2, BigDecimal.class))));
        // every action a supervisor approved, whatever its kind
        Number approved = (Number) dsl.fetchValue("SELECT COUNT(*) FROM audit_event a WHERE a.approved_by IS NOT NULL AND "
                + w.sql(), w.binds());
        sums.add(new AuditSum(APPROVED, approved == null ? 0 : approved.longValue(), BigDecimal.ZERO));
        return sums;
    }

    @Override
    public List<ShiftSum> closedShifts(ReportRange range) {
        Where w = where(range, "h.close_sequence", "h.closed_at");
        // the open period (a range reaching the journal's head) also shows the drawers still open
        boolean open = switch (range) {
            case ReportRange.Sequences s -> s.to() >= journalHead();
            case ReportRange.Times t -> t.to().isAfter(Instant.now());
        };
        return dsl.fetch("SELECT h.drawer, h.opened_by_name, h.opened_at, h.closed_at, h.opening_float, h.expected_cash,"
                        + " h.counted_cash FROM shift h WHERE (" + w.sql() + ")" + (open ? " OR h.closed_at IS NULL" : "")
                        + " ORDER BY h.opened_at", w.binds())
                .map(r -> new ShiftSum(r.get(0, String.class), r.get(1, String.class), instant(r.get(2, OffsetDateTime.class)),
                        instant(r.get(3, OffsetDateTime.class)), r.get(4, BigDecimal.class), r.get(5, BigDecimal.class),
                        r.get(6, BigDecimal.class)));
    }

    @Override
    public long unsentDocuments() {
        return dsl.fetchValue("SELECT COUNT(*) FROM outbox") instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public long journalHead() {
        return dsl.fetchValue("SELECT last_sequence FROM journal_head WHERE id = 1") instanceof Number n ? n.longValue() : 0;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
