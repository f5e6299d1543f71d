package org.omnitill.core.print;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One job of the print queue: the bytes to send and where the job stands.
 *
 * @param documentId    the document printed (a sale's id), if any
 * @param receiptNumber the receipt printed, if any
 * @param payload       exactly what goes to the printer
 * @param attempts      how many times sending was tried
 * @param lastError     why the last attempt failed; {@code null} when it did not
 * @param printedAt     when the printer took it; {@code null} until then
 */
public record PrintJob(long id, UUID documentId, String receiptNumber, Kind kind, byte[] payload, Instant createdAt,
                       Status status, int attempts, String lastError, Instant printedAt) {

    /** What a job prints. */
    public enum Kind {
        /** The receipt of a sale just completed. */
        RECEIPT,
        /** A copy of a past receipt, marked as such. */
        REPRINT,
        /** A report (X, Z, cash-up). */
        REPORT,
        /** A test page. */
        TEST
    }

    public enum Status {
        /** Waiting for the printer, possibly after failed attempts. */
        QUEUED,
        /** The printer took it. */
        PRINTED,
        /** Staff gave up on it; it is never sent. */
        FAILED
    }

    public PrintJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String toString() {
        return "PrintJob[" + id + " " + kind + " " + (receiptNumber == null ? "" : receiptNumber + " ") + status
                + ", " + payload.length + " bytes, " + attempts + " attempt(s)"
                + (lastError == null ? "" : ", last error: " + lastError) + "]";
    }
}
