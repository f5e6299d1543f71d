package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.PROMOTION;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.omnitill.core.sale.Promotion;
import org.omnitill.core.sale.PromotionRepository;

final class JooqPromotionRepository implements PromotionRepository {

    private final DSLContext dsl;
    private final Runnable changed;

    JooqPromotionRepository(DSLContext dsl, Runnable changed) {
        this.dsl = dsl;
        this.changed = changed;
    }

    @Override
    public List<Promotion> all() {
        return dsl.selectFrom(PROMOTION)
                .orderBy(PROMOTION.CODE)
                .fetch(r -> new Promotion(r.getCode(), r.getName(), Promotion.Kind.valueOf(r.getKind()), r.getPercent(),
                        r.getBuyQuantity(), r.getBundlePrice(), Set.copyOf(Arrays.asList(r.getSkus().split("\\|"))),
                        r.getEffectiveFrom().toInstant(), r.getEffectiveTo() == null ? null : r.getEffectiveTo().toInstant()));
    }

    @Override
    public void save(Promotion p) {
        String skus = String.join("|", p.skus().stream().sorted().toList());
        OffsetDateTime to = p.effectiveTo() == null ? null : p.effectiveTo().atOffset(ZoneOffset.UTC);
        dsl.mergeInto(PROMOTION)
                .using(dsl.selectOne())
                .on(PROMOTION.CODE.eq(p.code()))
                .whenMatchedThenUpdate()
                .set(PROMOTION.NAME, p.name())
                .set(PROMOTION.KIND, p.kind().name())
                .set(PROMOTION.PERCENT, p.percent())
                .set(PROMOTION.BUY_QUANTITY, p.buyQuantity())
                .set(PROMOTION.BUNDLE_PRICE, p.bundlePrice())
                .set(PROMOTION.SKUS, skus)
                .set(PROMOTION.EFFECTIVE_FROM, p.effectiveFrom().atOffset(ZoneOffset.UTC))
                .set(PROMOTION.EFFECTIVE_TO, to)
                .whenNotMatchedThenInsert(PROMOTION.CODE, PROMOTION.NAME, PROMOTION.KIND, PROMOTION.PERCENT,
                        PROMOTION.BUY_QUANTITY, PROMOTION.BUNDLE_PRICE, PROMOTION.SKUS, PROMOTION.EFFECTIVE_FROM,
                        PROMOTION.EFFECTIVE_TO)
                .values(p.code(), p.name(), p.kind().name(), p.percent(), p.buyQuantity(), p.bundlePrice(), skus,
                        p.effectiveFrom().atOffset(ZoneOffset.UTC), to)
                .execute();
        changed.run();
    }

    @Override
    public void remove(String code) {
        dsl.deleteFrom(PROMOTION).where(PROMOTION.CODE.eq(code)).execute();
        changed.run();
    }
}
