package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.OUTBOX;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.omnitill.core.sync.OutboxRepository;

final class JooqOutboxRepository implements OutboxRepository {

    private final DSLContext dsl;

    JooqOutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(UUID documentId, long journalSequence, String type, String body, Instant createdAt) {
        dsl.insertInto(OUTBOX)
                .set(OUTBOX.DOCUMENT_ID, documentId)
                .set(OUTBOX.JOURNAL_SEQUENCE, journalSequence)
                .set(OUTBOX.DOCUMENT_TYPE, type)
                .set(OUTBOX.BODY, body)
                .set(OUTBOX.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    @Override
    public long pending() {
        return dsl.fetchCount(OUTBOX);
    }
}
