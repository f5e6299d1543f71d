package org.omnitill.core.print;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The print queue as the local store keeps it. Every call commits on its own unless run in a transaction. */
public interface PrintJobRepository {

    /** Queues a job; returns its id. Ids grow, so they give the printing order. */
    long add(UUID documentId, String receiptNumber, PrintJob.Kind kind, byte[] payload, Instant createdAt);

    Optional<PrintJob> find(long id);

    /** The oldest job still {@code QUEUED}: the next one to print. */
    Optional<PrintJob> nextQueued();

    /** Every job still {@code QUEUED}, oldest first. */
    List<PrintJob> queued();

    long countQueued();

    /** The jobs of a receipt, oldest first (its receipt and any reprints). */
    List<PrintJob> ofReceipt(String receiptNumber);

    /** Counts an attempt that succeeded and marks the job {@code PRINTED}. */
    void markPrinted(long id, Instant printedAt);

    /** Counts an attempt that failed; the job stays {@code QUEUED}. */
    void recordFailure(long id, String error);

    /** Gives up on a queued job: {@code FAILED}, never sent again. Returns whether a queued job was changed. */
    boolean markFailed(long id, String reason);
}
