package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.PRINT_JOB;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.omnitill.core.print.PrintJob;
import org.omnitill.core.print.PrintJobRepository;
import org.omnitill.core.store.jooq.tables.records.PrintJobRecord;

final class JooqPrintJobRepository implements PrintJobRepository {

    private static final int MAX_ERROR = 1000;

    private final DSLContext dsl;

    JooqPrintJobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long add(UUID documentId, String receiptNumber, PrintJob.Kind kind, byte[] payload, Instant createdAt) {
        return dsl.insertInto(PRINT_JOB)
                .set(PRINT_JOB.DOCUMENT_ID, documentId)
                .set(PRINT_JOB.RECEIPT_NUMBER, receiptNumber)
                .set(PRINT_JOB.KIND, kind.name())
                .set(PRINT_JOB.PAYLOAD, payload)
                .set(PRINT_JOB.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(PRINT_JOB.STATUS, PrintJob.Status.QUEUED.name())
                .set(PRINT_JOB.ATTEMPTS, 0)
                .returning(PRINT_JOB.ID)
                .fetchOne()
                .getId();
    }

    @Override
    public Optional<PrintJob> find(long id) {
        return dsl.selectFrom(PRINT_JOB).where(PRINT_JOB.ID.eq(id)).fetchOptional(JooqPrintJobRepository::job);
    }

    @Override
    public Optional<PrintJob> nextQueued() {
        return dsl.selectFrom(PRINT_JOB)
                .where(PRINT_JOB.STATUS.eq(PrintJob.Status.QUEUED.name()))
                .orderBy(PRINT_JOB.ID)
                .limit(1)
                .fetchOptional(JooqPrintJobRepository::job);
    }

    @Override
    public List<PrintJob> queued() {
        return dsl.selectFrom(PRINT_JOB)
                .where(PRINT_JOB.STATUS.eq(PrintJob.Status.QUEUED.name()))
                .orderBy(PRINT_JOB.ID)
                .fetch(JooqPrintJobRepository::job);
    }

    @Override
    public long countQueued() {
        return dsl.fetchCount(PRINT_JOB, PRINT_JOB.STATUS.eq(PrintJob.Status.QUEUED.name()));
    }

    @Override
    public List<PrintJob> ofReceipt(String receiptNumber) {
        return dsl.selectFrom(PRINT_JOB)
                .where(PRINT_JOB.RECEIPT_NUMBER.eq(receiptNumber))
                .orderBy(PRINT_JOB.ID)
                .fetch(JooqPrintJobRepository::job);
    }

    @Override
    public void markPrinted(long id, Instant printedAt) {
        dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATUS, PrintJob.Status.PRINTED.name())
                .set(PRINT_JOB.ATTEMPTS, PRINT_JOB.ATTEMPTS.plus(1))
                .set(PRINT_JOB.PRINTED_AT, printedAt.atOffset(ZoneOffset.UTC))
                .where(PRINT_JOB.ID.eq(id))
                .execute();
    }

    @Override
    public void recordFailure(long id, String error) {
        dsl.update(PRINT_JOB)
                .set(PRINT_JOB.ATTEMPTS, PRINT_JOB.ATTEMPTS.plus(1))
                .set(PRINT_JOB.LAST_ERROR, clip(error))
                .where(PRINT_JOB.ID.eq(id))
                .execute();
    }

    @Override
    public boolean markFailed(long id, String reason) {
        return dsl.update(PRINT_JOB)
                .set(PRINT_JOB.STATUS, PrintJob.Status.FAILED.name())
                .set(PRINT_JOB.LAST_ERROR, clip(reason))
                .where(PRINT_JOB.ID.eq(id).and(PRINT_JOB.STATUS.eq(PrintJob.Status.QUEUED.name())))
                .execute() == 1;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    private static PrintJob job(PrintJobRecord r) {
        return new PrintJob(r.getId(), r.getDocumentId(), r.getReceiptNumber(), PrintJob.Kind.valueOf(r.getKind()),
                r.getPayload(), r.getCreatedAt().toInstant(), PrintJob.Status.valueOf(r.getStatus()), r.getAttempts(),
                r.getLastError(), r.getPrintedAt() == null ? null : r.getPrintedAt().toInstant());
    }
}
