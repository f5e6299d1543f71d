package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.JOURNAL_ENTRY;
import static org.omnitill.core.store.jooq.Tables.JOURNAL_HEAD;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.omnitill.core.journal.JournalEntry;
import org.omnitill.core.journal.JournalRepository;
import org.omnitill.core.store.jooq.tables.records.JournalEntryRecord;
import org.omnitill.core.store.jooq.tables.records.JournalHeadRecord;

final class JooqJournalRepository implements JournalRepository {

    private final DSLContext dsl;

    JooqJournalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public JournalEntry append(String type, UUID documentId, Instant createdAt, LongFunction<String> bodyForSequence) {
        // the head row is locked until the surrounding transaction ends: numbers are gapless and ordered
        JournalHeadRecord head = dsl.selectFrom(JOURNAL_HEAD).where(JOURNAL_HEAD.ID.eq(1)).forUpdate().fetchSingle();
        long sequence = head.getLastSequence() + 1;
        String body = bodyForSequence.apply(sequence);
        String hash = JournalEntry.hash(head.getLastHash(), body);
        dsl.insertInto(JOURNAL_ENTRY)
                .set(JOURNAL_ENTRY.SEQUENCE, sequence)
                .set(JOURNAL_ENTRY.DOCUMENT_ID, documentId)
                .set(JOURNAL_ENTRY.DOCUMENT_TYPE, type)
                .set(JOURNAL_ENTRY.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(JOURNAL_ENTRY.BODY, body)
                .set(JOURNAL_ENTRY.PREV_HASH, head.getLastHash())
                .set(JOURNAL_ENTRY.HASH, hash)
                .execute();
        dsl.update(JOURNAL_HEAD)
                .set(JOURNAL_HEAD.LAST_SEQUENCE, sequence)
                .set(JOURNAL_HEAD.LAST_HASH, hash)
                .where(JOURNAL_HEAD.ID.eq(1))
                .execute();
        return new JournalEntry(sequence, documentId, type, createdAt, body, head.getLastHash(), hash);
    }

    @Override
    public Head head() {
        JournalHeadRecord head = dsl.selectFrom(JOURNAL_HEAD).where(JOURNAL_HEAD.ID.eq(1)).fetchOne();
        return head == null ? new Head(-1, "missing") : new Head(head.getLastSequence(), head.getLastHash());
    }

    @Override
    public void forEach(Consumer<JournalEntry> action) {
        try (Cursor<JournalEntryRecord> cursor = dsl.selectFrom(JOURNAL_ENTRY)
                .orderBy(JOURNAL_ENTRY.SEQUENCE)
                .fetchSize(500)
                .fetchLazy()) {
            for (JournalEntryRecord r : cursor) {
                action.accept(new JournalEntry(r.getSequence(), r.getDocumentId(), r.getDocumentType(),
                        r.getCreatedAt().toInstant(), r.getBody(), r.getPrevHash(), r.getHash()));
            }
        }
    }
}
