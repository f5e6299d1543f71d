package org.omnitill.core.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The figures reports are made of, read from the local store. Sums of stored amounts only. */
public interface ReportRepository {

    /** Completed sales and refunds: how many, and their totals and discounts. */
    record SaleSums(long sales, long refunds, BigDecimal salesTotal, BigDecimal refundsTotal, BigDecimal discounts,
                    BigDecimal cashRounding, Instant first, Instant last) {
    }

    SaleSums saleSums(ReportRange range);

    /** One tender kind (CASH, or CARD with its brand): how many times and the net amount into the till. */
    record TenderSum(String kind, String brand, long count, BigDecimal amount) {
    }

    List<TenderSum> tenders(ReportRange range);

    record TaxSum(String code, BigDecimal percent, BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    List<TaxSum> taxes(ReportRange range);

    /** Sales lines grouped by a key (category, product, cashier): quantity, lines and amount. */
    record GroupSum(String key, String label, BigDecimal quantity, long count, BigDecimal amount) {
    }

    List<GroupSum> byCategory(ReportRange range);

    List<GroupSum> byProduct(ReportRange range);

    List<GroupSum> byCashier(ReportRange range);

    /** When each sale completed and its total, in completion order (bucketed by hour in the till's zone). */
    record SaleTime(Instant at, BigDecimal total) {
    }

    List<SaleTime> saleTimes(ReportRange range);

    /** Return lines: how many and how much (negative). */
    GroupSum returns(ReportRange range);

    /** Audit rows by kind: how many and the sum of their amounts. */
    record AuditSum(String kind, long count, BigDecimal amount) {
    }

    /** Audit rows by kind, plus {@link #APPROVED}: how many actions a supervisor approved. */
    List<AuditSum> auditSums(ReportRange range);

    String APPROVED = "APPROVED";

    /** Shifts closed in the range (by their close document), or still open. */
    record ShiftSum(String drawer, String openedBy, Instant openedAt, Instant closedAt, BigDecimal openingFloat,
                    BigDecimal expected, BigDecimal counted) {
    }

    List<ShiftSum> closedShifts(ReportRange range);

    /** Documents waiting for the hub. */
    long unsentDocuments();

    /** The journal's last sequence. */
    long journalHead();
}
