package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.PROMOTION;
import static org.omnitill.hub.jooq.Tables.STORE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.omnitill.sync.protocol.ChangeData;

/**
 * Promotions: percent off, or multi-buys ("3 for 5.00"), on a list of SKUs, for all stores or one,
 * between two moments. Saving one sends it to the tills it concerns through the change feed; a
 * promotion that moves to another store, or is deleted, is withdrawn from the tills that had it.
 * The tills apply them to their sales by themselves, also offline.
 */
final class Promotions {

    /** One promotion as the admin sends it: {@code store} null for all stores. */
    record PromotionRequest(String code, String name, String kind, BigDecimal percent, Integer buyQuantity,
                            BigDecimal bundlePrice, List<String> skus, Instant effectiveFrom, Instant effectiveTo,
                            String store) {
    }

    record Saved(int promotions, int feedChanges) {
    }

    static final int MAX_SKUS = 1_000;

    private final DSLContext dsl;
    private final Transactions transactions;
    private final ChangeFeed feed;
    private final Clock clock;

    Promotions(DSLContext dsl, Transactions transactions, ChangeFeed feed, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.feed = feed;
        this.clock = clock;
    }

    /** Creates or replaces promotions by code, all or nothing; every problem is listed. */
    Saved save(List<PromotionRequest> requests, String adminUser) {
        if (requests == null || requests.isEmpty() || requests.size() > 1_000) {
            throw ApiException.badRequest("send a list of 1 to 1,000 promotions");
        }
        Set<String> skus = new HashSet<>();
        for (PromotionRequest r : requests) {
            if (r != null && r.skus() != null) {
                r.skus().stream().filter(s -> s != null).forEach(skus::add);
            }
        }
        Set<String> known = Products.known(dsl, skus);
        Map<String, String> storeIds = dsl.select(STORE.CODE, STORE.ID).from(STORE).fetchMap(STORE.CODE, STORE.ID);
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            PromotionRequest r = requests.get(i);
            String at = "promotion " + (i + 1);
            if (r == null) {
                problems.add(at + ": empty");
                continue;
            }
            if (r.code() == null || !r.code().matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add(at + ": a code is 1 to 32 letters, digits, _ or -");
            } else if (!codes.add(r.code())) {
                problems.add(at + ": code " + r.code() + " appears twice");
            }
            if (r.name() == null || r.name().isBlank() || !Limits.text(r.name(), 100)) {
                problems.add(at + ": a name of 1 to 100 characters is needed (it is printed on receipts)");
            }
            if ("PERCENT_OFF".equals(r.kind())) {
                if (r.percent() == null || r.percent().signum() <= 0 || r.percent().compareTo(BigDecimal.valueOf(100)) > 0
                        || r.percent().scale() > 4) {
                    problems.add(at + ": percent must be more than 0 and at most 100");
                }
            } else if ("MULTI_BUY".equals(r.kind())) {
                if (r.buyQuantity() == null || r.buyQuantity() < 2 || r.buyQuantity() > 1_000) {
                    problems.add(at + ": buyQuantity must be 2 to 1,000");
                }
                if (!Limits.money(r.bundlePrice())) {
                    problems.add(at + ": bundlePrice must be an amount of 0 or more with at most 4 decimals");
                }
            } else {
                problems.add(at + ": kind must be PERCENT_OFF or MULTI_BUY");
            }
            if (r.skus() == null || r.skus().isEmpty() || r.skus().size() > MAX_SKUS) {
                problems.add(at + ": skus must list 1 to " + MAX_SKUS + " products");
            } else {
                List<String> unknown = r.skus().stream().filter(s -> s == null || !known.contains(s)).limit(5).toList();
                if (!unknown.isEmpty()) {
                    problems.add(at + ": there is no product " + String.join(", ", unknown.stream().map(String::valueOf).toList()));
                }
            }
            if (r.effectiveFrom() == null || !Limits.instant(r.effectiveFrom())) {
                problems.add(at + ": effectiveFrom must be an ISO-8601 moment between the years 2000 and 9999");
            } else if (r.effectiveTo() != null && (!Limits.instant(r.effectiveTo()) || !r.effectiveTo().isAfter(r.effectiveFrom()))) {
                problems.add(at + ": effectiveTo must be after effectiveFrom");
            }
            if (r.store() != null && !storeIds.containsKey(r.store())) {
                problems.add(at + ": there is no store " + r.store());
            }
            if (problems.size() >= 100) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.nothingSaved(problems);
        }
        return transactions.run(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            Map<String, String> before = tx.select(PROMOTION.CODE, PROMOTION.STORE_ID).from(PROMOTION)
                    .where(PROMOTION.CODE.in(codes)).forUpdate().fetchMap(PROMOTION.CODE, PROMOTION.STORE_ID);
            List<ChangeFeed.Pending> changes = new ArrayList<>();
            for (PromotionRequest r : requests) {
                String storeId = r.store() == null ? null : storeIds.get(r.store());
                List<String> sorted = r.skus().stream().distinct().sorted().toList();
                String joined = String.join("|", sorted);
                OffsetDateTime from = r.effectiveFrom().atOffset(ZoneOffset.UTC);
                OffsetDateTime to = r.effectiveTo() == null ? null : r.effectiveTo().atOffset(ZoneOffset.UTC);
                BigDecimal percent = "PERCENT_OFF".equals(r.kind()) ? r.percent() : null;
                Integer buy = "MULTI_BUY".equals(r.kind()) ? r.buyQuantity() : null;
                BigDecimal bundle = "MULTI_BUY".equals(r.kind()) ? r.bundlePrice() : null;
                if (before.containsKey(r.code())) {
                    String oldStore = before.get(r.code());
                    if (!java.util.Objects.equals(oldStore, storeId)) {
                        // it moves: the tills that had it drop it
                        changes.add(new ChangeFeed.Pending(oldStore, r.code(), new ChangeData.PromotionRemovedData(r.code())));
                    }
                    tx.update(PROMOTION)
                            .set(PROMOTION.NAME, r.name().strip()).set(PROMOTION.KIND, r.kind()).set(PROMOTION.PERCENT, percent)
                            .set(PROMOTION.BUY_QUANTITY, buy).set(PROMOTION.BUNDLE_PRICE, bundle).set(PROMOTION.SKUS, joined)
                            .set(PROMOTION.EFFECTIVE_FROM, from).set(PROMOTION.EFFECTIVE_TO, to).set(PROMOTION.STORE_ID, storeId)
                            .set(PROMOTION.SAVED_BY, adminUser).set(PROMOTION.SAVED_AT, now)
                            .where(PROMOTION.CODE.eq(r.code())).execute();
                } else {
                    tx.insertInto(PROMOTION)
                            .set(PROMOTION.CODE, r.code()).set(PROMOTION.NAME, r.name().strip()).set(PROMOTION.KIND, r.kind())
                            .set(PROMOTION.PERCENT, percent).set(PROMOTION.BUY_QUANTITY, buy).set(PROMOTION.BUNDLE_PRICE, bundle)
                            .set(PROMOTION.SKUS, joined).set(PROMOTION.EFFECTIVE_FROM, from).set(PROMOTION.EFFECTIVE_TO, to)
                            .set(PROMOTION.STORE_ID, storeId).set(PROMOTION.SAVED_BY, adminUser).set(PROMOTION.SAVED_AT, now)
                            .execute();
                }
                changes.add(new ChangeFeed.Pending(storeId, r.code(), new ChangeData.PromotionData(r.code(), r.name().strip(),
                        r.kind(), percent, buy, bundle, sorted, r.effectiveFrom(), r.effectiveTo())));
            }
            feed.append(tx, changes, now);
            return new Saved(requests.size(), changes.size());
        });
    }

    /** Withdraws a promotion from the tills that have it. */
    void delete(String code) {
        transactions.run(tx -> {
            var row = tx.select(PROMOTION.CODE, PROMOTION.STORE_ID).from(PROMOTION).where(PROMOTION.CODE.eq(code)).forUpdate()
                    .fetchOptional().orElseThrow(() -> ApiException.notFound("there is no promotion " + code));
            tx.deleteFrom(PROMOTION).where(PROMOTION.CODE.eq(code)).execute();
            feed.append(tx, List.of(new ChangeFeed.Pending(row.value2(), code, new ChangeData.PromotionRemovedData(code))),
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            return null;
        });
    }

    /** Every promotion, by code. */
    List<PromotionRequest> list() {
        return dsl.select(PROMOTION.CODE, PROMOTION.NAME, PROMOTION.KIND, PROMOTION.PERCENT, PROMOTION.BUY_QUANTITY,
                        PROMOTION.BUNDLE_PRICE, PROMOTION.SKUS, PROMOTION.EFFECTIVE_FROM, PROMOTION.EFFECTIVE_TO, STORE.CODE)
                .from(PROMOTION).leftJoin(STORE).on(STORE.ID.eq(PROMOTION.STORE_ID))
                .orderBy(PROMOTION.CODE)
                .fetch(r -> new PromotionRequest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        Arrays.asList(r.value7().split("\\|")), r.value8().toInstant(),
                        r.value9() == null ? null : r.value9().toInstant(), r.value10()));
    }
}
