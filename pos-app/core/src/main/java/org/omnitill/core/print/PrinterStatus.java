package org.omnitill.core.print;

import java.time.Instant;

/**
 * What the till shows about its receipt printer.
 *
 * @param printer       the printer, for people (e.g. {@code file /tmp/receipts.bin})
 * @param ok            the last attempt to print succeeded, or none failed since the till started
 * @param condition     what the printer last said about itself ({@link PrinterCondition#UNKNOWN} when
 *                      its link cannot tell or it was not asked yet)
 * @param lastError     why the last attempt failed; {@code null} when {@code ok}
 * @param lastErrorAt   when it failed; {@code null} when {@code ok}
 * @param jobsWaiting   jobs queued and not printed yet
 * @param lastPrintedAt when a job last printed; {@code null} if none since the till started
 */
public record PrinterStatus(String printer, boolean ok, PrinterCondition condition, String lastError,
                            Instant lastErrorAt, long jobsWaiting, Instant lastPrintedAt) {

    PrinterStatus withJobsWaiting(long value) {
        return new PrinterStatus(printer, ok, condition, lastError, lastErrorAt, value, lastPrintedAt);
    }

    PrinterStatus printed(Instant at, long waiting, PrinterCondition now) {
        return new PrinterStatus(printer, true, now, null, null, waiting, at);
    }

    PrinterStatus failed(String error, PrinterCondition now, Instant at, long waiting) {
        return new PrinterStatus(printer, false, now, error, at, waiting, lastPrintedAt);
    }

    PrinterStatus withCondition(PrinterCondition now) {
        return new PrinterStatus(printer, ok, now, lastError, lastErrorAt, jobsWaiting, lastPrintedAt);
    }
}
