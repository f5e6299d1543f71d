package org.omnitill.core.print;

import java.time.Instant;

/**
 * What the till shows about its receipt printer.
 *
 * @param printer       the printer, for people (e.g. {@code file /tmp/receipts.bin})
 * @param ok            the last attempt to print succeeded, or none failed since the till started
 * @param lastError     why the last attempt failed; {@code null} when {@code ok}
 * @param lastErrorAt   when it failed; {@code null} when {@code ok}
 * @param jobsWaiting   jobs queued and not printed yet
 * @param lastPrintedAt when a job last printed; {@code null} if none since the till started
 */
public record PrinterStatus(String printer, boolean ok, String lastError, Instant lastErrorAt, long jobsWaiting,
                            Instant lastPrintedAt) {

    PrinterStatus withJobsWaiting(long value) {
        return new PrinterStatus(printer, ok, lastError, lastErrorAt, value, lastPrintedAt);
    }

    PrinterStatus printed(Instant at, long waiting) {
        return new PrinterStatus(printer, true, null, null, waiting, at);
    }

    PrinterStatus failed(String error, Instant at, long waiting) {
        return new PrinterStatus(printer, false, error, at, waiting, lastPrintedAt);
    }
}
