package org.omnitill.core.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

/**
 * A sale as it was completed and recorded: what the receipt prints and the journal holds.
 *
 * @param receiptNumber {@code TILL-SEQUENCE}, e.g. {@code T01-000042}; also the receipt's barcode
 * @param sequence      the journal sequence of the sale document
 * @param approvals     actions a supervisor approved for the cashier
 * @param shiftId       the drawer shift the sale's cash went into; {@code null} when no shift was open
 */
public record CompletedSale(UUID id, String receiptNumber, long sequence, String tillCode, StaffMember cashier,
                            Instant startedAt, Instant completedAt, List<SaleLine> lines, SaleTotals totals,
                            List<Tender> tenders, Payment payment, List<Sale.VoidedLine> voidedLines,
                            List<Sale.ApprovedAction> approvals, UUID shiftId) {

    public CompletedSale {
        approvals = List.copyOf(approvals);
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        voidedLines = List.copyOf(voidedLines);
    }

    public static String receiptNumber(String tillCode, long sequence) {
        return String.format("%s-%06d", tillCode, sequence);
    }

    public boolean isRefund() {
        return payment.refund();
    }
}
