package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.AuditRepository;

final class JooqAuditRepository implements AuditRepository {

    private final DSLContext dsl;

    JooqAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(long journalSequence, Instant at, AuditEntry entry) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.JOURNAL_SEQUENCE, journalSequence)
                .set(AUDIT_EVENT.KIND, entry.kind())
                .set(AUDIT_EVENT.STAFF_ID, entry.staffId())
                .set(AUDIT_EVENT.STAFF_NAME, entry.staffName())
                .set(AUDIT_EVENT.APPROVED_BY, entry.approvedBy())
                .set(AUDIT_EVENT.AMOUNT, entry.amount())
                .set(AUDIT_EVENT.DETAIL, entry.detail())
                .set(AUDIT_EVENT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    @Override
    public List<Row> between(Instant from, Instant to) {
        return rows(AUDIT_EVENT.CREATED_AT.ge(from.atOffset(ZoneOffset.UTC)).and(AUDIT_EVENT.CREATED_AT.lt(to.atOffset(ZoneOffset.UTC))));
    }

    @Override
    public List<Row> inSequences(long fromSequence, long toSequence) {
        return rows(AUDIT_EVENT.JOURNAL_SEQUENCE.between(fromSequence, toSequence));
    }

    private List<Row> rows(Condition condition) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(condition)
                .orderBy(AUDIT_EVENT.JOURNAL_SEQUENCE, AUDIT_EVENT.ID)
                .fetch(r -> new Row(r.getJournalSequence(), r.getCreatedAt().toInstant(), new AuditEntry(r.getKind(),
                        r.getStaffId(), r.getStaffName(), r.getApprovedBy(), r.getAmount(), r.getDetail())));
    }
}
