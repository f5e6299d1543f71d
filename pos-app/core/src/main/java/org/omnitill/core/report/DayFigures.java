package org.omnitill.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.omnitill.core.report.ReportRepository.AuditSum;
import org.omnitill.core.report.ReportRepository.GroupSum;
import org.omnitill.core.report.ReportRepository.SaleSums;
import org.omnitill.core.report.ReportRepository.ShiftSum;
import org.omnitill.core.report.ReportRepository.TaxSum;
import org.omnitill.core.report.ReportRepository.TenderSum;

/**
 * Everything the X and Z reports and the sales report show for one range, as numbers. The documents
 * ({@link ReportDocument}) format these for people.
 *
 * @param hours sales per hour of the day in the till's time zone: hour to {count, amount}
 */
public record DayFigures(ReportRange range, SaleSums sums, List<TenderSum> tenders, List<TaxSum> taxes,
                         List<GroupSum> categories, List<GroupSum> cashiers, List<GroupSum> products,
                         SortedMap<Integer, HourSum> hours, GroupSum returns, Map<String, AuditSum> audit,
                         List<ShiftSum> shifts, long unsentDocuments, Instant computedAt, int scale) {

    public record HourSum(long count, BigDecimal amount) {
    }

    /** Sales less refunds. */
    public BigDecimal netTotal() {
        return sums.salesTotal().add(sums.refundsTotal());
    }

    /** The average sale (refunds not counted), rounded to the currency. */
    public BigDecimal averageBasket() {
        return sums.sales() == 0 ? BigDecimal.ZERO.setScale(scale)
                : sums.salesTotal().divide(BigDecimal.valueOf(sums.sales()), scale, RoundingMode.HALF_UP);
    }

    public AuditSum audit(String kind) {
        return audit.getOrDefault(kind, new AuditSum(kind, 0, BigDecimal.ZERO));
    }

    public BigDecimal expectedCash() {
        return shifts.stream().map(s -> s.expected() == null ? BigDecimal.ZERO : s.expected())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal countedCash() {
        return shifts.stream().map(s -> s.counted() == null ? BigDecimal.ZERO : s.counted())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal cashVariance() {
        return shifts.stream().filter(s -> s.counted() != null && s.expected() != null)
                .map(s -> s.counted().subtract(s.expected()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
