package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.PARKED_SALE;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.omnitill.core.sale.ParkedSaleRepository;

final class JooqParkedSaleRepository implements ParkedSaleRepository {

    private final DSLContext dsl;

    JooqParkedSaleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Summary summary, long staffId, String body) {
        dsl.insertInto(PARKED_SALE)
                .set(PARKED_SALE.ID, summary.id())
                .set(PARKED_SALE.PARKED_AT, summary.parkedAt().atOffset(ZoneOffset.UTC))
                .set(PARKED_SALE.STAFF_ID, staffId)
                .set(PARKED_SALE.STAFF_NAME, summary.staffName())
                .set(PARKED_SALE.LABEL, summary.label())
                .set(PARKED_SALE.ITEM_COUNT, summary.itemCount())
                .set(PARKED_SALE.TOTAL, summary.total())
                .set(PARKED_SALE.BODY, body)
                .execute();
    }

    @Override
    public List<Summary> list() {
        return dsl.selectFrom(PARKED_SALE)
                .orderBy(PARKED_SALE.PARKED_AT, PARKED_SALE.ID)
                .fetch(r -> new Summary(r.getId(), r.getParkedAt().toInstant(), r.getStaffName(), r.getLabel(),
                        r.getItemCount(), r.getTotal()));
    }

    @Override
    public Optional<String> take(UUID id) {
        Optional<String> body = dsl.select(PARKED_SALE.BODY).from(PARKED_SALE).where(PARKED_SALE.ID.eq(id)).forUpdate()
                .fetchOptional(PARKED_SALE.BODY);
        body.ifPresent(found -> dsl.deleteFrom(PARKED_SALE).where(PARKED_SALE.ID.eq(id)).execute());
        return body;
    }
}
