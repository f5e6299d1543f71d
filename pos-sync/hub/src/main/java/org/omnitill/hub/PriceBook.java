package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.PRICE_ENTRY;
import static org.omnitill.hub.jooq.Tables.STORE;
import static org.omnitill.hub.jooq.Tables.STORE_GROUP;
import static org.omnitill.hub.jooq.Tables.STORE_GROUP_MEMBER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.omnitill.sync.protocol.ChangeData;

/**
 * Store groups and the price book. A new entry goes into the change feed once for each store it
 * concerns (store-scoped feed entries), so a till receives exactly the entries of its own store,
 * its groups and all stores, and works out the price in effect itself, also offline.
 */
final class PriceBook {

    record GroupRequest(String code, String name, List<String> stores) {
    }

    /** One entry: exactly one of {@code store} and {@code group}, or neither for all stores. */
    record PriceRequest(String sku, BigDecimal price, Instant effectiveFrom, String store, String group) {
    }

    record PriceSaved(int entries, int feedChanges) {
    }

    private final DSLContext dsl;
    private final Transactions transactions;
    private final ChangeFeed feed;
    private final Clock clock;

    PriceBook(DSLContext dsl, Transactions transactions, ChangeFeed feed, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.feed = feed;
        this.clock = clock;
    }

    /** Creates the group or replaces its name and members. */
    GroupRequest saveGroup(GroupRequest request) {
        if (request == null || request.code() == null || !request.code().matches("[A-Za-z0-9_-]{1,32}")) {
            throw ApiException.badRequest("a store group code is 1 to 32 letters, digits, _ or -");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ApiException.badRequest("a store group needs a name of 1 to 200 characters");
        }
        List<String> stores = request.stores() == null ? List.of() : request.stores();
        return transactions.run(tx -> {
            Map<String, String> ids = tx.select(STORE.CODE, STORE.ID).from(STORE).where(STORE.CODE.in(stores))
                    .fetchMap(STORE.CODE, STORE.ID);
            List<String> unknown = stores.stream().filter(code -> !ids.containsKey(code)).toList();
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest("there is no store " + String.join(", ", unknown));
            }
            Set<String> before = new HashSet<>(tx.select(STORE_GROUP_MEMBER.STORE_ID).from(STORE_GROUP_MEMBER)
                    .where(STORE_GROUP_MEMBER.GROUP_CODE.eq(request.code())).fetch(STORE_GROUP_MEMBER.STORE_ID));
            Set<String> after = new HashSet<>(ids.values());
            tx.insertInto(STORE_GROUP, STORE_GROUP.CODE, STORE_GROUP.NAME).values(request.code(), request.name().strip())
                    .onConflict(STORE_GROUP.CODE).doUpdate().set(STORE_GROUP.NAME, request.name().strip()).execute();
            tx.deleteFrom(STORE_GROUP_MEMBER).where(STORE_GROUP_MEMBER.GROUP_CODE.eq(request.code())).execute();
            for (String id : after) {
                tx.insertInto(STORE_GROUP_MEMBER, STORE_GROUP_MEMBER.GROUP_CODE, STORE_GROUP_MEMBER.STORE_ID)
                        .values(request.code(), id).execute();
            }
            // stores that joined get the group's entries; stores that left are told to drop them
            List<ChangeFeed.Pending> changes = new ArrayList<>();
            var entries = tx.select(PRICE_ENTRY.ID, PRICE_ENTRY.SKU, PRICE_ENTRY.PRICE, PRICE_ENTRY.EFFECTIVE_FROM)
                    .from(PRICE_ENTRY).where(PRICE_ENTRY.GROUP_CODE.eq(request.code())).orderBy(PRICE_ENTRY.ID).fetch();
            for (var entry : entries) {
                for (String joined : after) {
                    if (!before.contains(joined)) {
                        changes.add(new ChangeFeed.Pending(joined, entry.value2(), new ChangeData.PriceData(entry.value1(),
                                entry.value2(), entry.value3(), entry.value4().toInstant(), "GROUP")));
                    }
                }
                for (String left : before) {
                    if (!after.contains(left)) {
                        changes.add(new ChangeFeed.Pending(left, entry.value2(),
                                new ChangeData.PriceRemovedData(entry.value1(), entry.value2())));
                    }
                }
            }
            feed.append(tx, changes, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            return new GroupRequest(request.code(), request.name().strip(), stores);
        });
    }

    /** Adds entries, all or nothing; every problem is listed. */
    PriceSaved addPrices(List<PriceRequest> requests, String adminUser) {
        if (requests == null || requests.isEmpty() || requests.size() > 10_000) {
            throw ApiException.badRequest("send a list of 1 to 10,000 prices");
        }
        Set<String> skus = new HashSet<>();
        requests.forEach(r -> {
            if (r != null && r.sku() != null) {
                skus.add(r.sku());
            }
        });
        Set<String> known = Products.known(dsl, skus);
        Map<String, String> storeIds = dsl.select(STORE.CODE, STORE.ID).from(STORE).fetchMap(STORE.CODE, STORE.ID);
        Map<String, List<String>> groups = new HashMap<>();
        dsl.select(STORE_GROUP.CODE, STORE_GROUP_MEMBER.STORE_ID).from(STORE_GROUP)
                .leftJoin(STORE_GROUP_MEMBER).on(STORE_GROUP_MEMBER.GROUP_CODE.eq(STORE_GROUP.CODE))
                .forEach(r -> {
                    List<String> members = groups.computeIfAbsent(r.value1(), g -> new ArrayList<>());
                    if (r.value2() != null) {
                        members.add(r.value2());
                    }
                });
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            PriceRequest r = requests.get(i);
            String at = "price " + (i + 1);
            if (r == null) {
                problems.add(at + ": empty");
                continue;
            }
            if (r.sku() == null || !known.contains(r.sku())) {
                problems.add(at + ": there is no product " + r.sku());
            }
            if (!Limits.money(r.price())) {
                problems.add(at + ": price must be 0 to 999,999,999,999,999 with at most 4 decimals");
            }
            if (r.effectiveFrom() == null) {
                problems.add(at + ": effectiveFrom is missing (an ISO-8601 instant such as 2026-12-01T00:00:00Z)");
            } else if (!Limits.instant(r.effectiveFrom())) {
                problems.add(at + ": effectiveFrom must be between the years 2000 and 9999");
            }
            if (r.store() != null && r.group() != null) {
                problems.add(at + ": give a store or a group, not both");
            } else if (r.store() != null && !storeIds.containsKey(r.store())) {
                problems.add(at + ": there is no store " + r.store());
            } else if (r.group() != null && !groups.containsKey(r.group())) {
                problems.add(at + ": there is no store group " + r.group());
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
            List<ChangeFeed.Pending> changes = new ArrayList<>();
            for (PriceRequest r : requests) {
                String storeId = r.store() == null ? null : storeIds.get(r.store());
                long id = tx.insertInto(PRICE_ENTRY)
                        .set(PRICE_ENTRY.SKU, r.sku())
                        .set(PRICE_ENTRY.STORE_ID, storeId)
                        .set(PRICE_ENTRY.GROUP_CODE, r.group())
                        .set(PRICE_ENTRY.PRICE, r.price())
                        .set(PRICE_ENTRY.EFFECTIVE_FROM, r.effectiveFrom().atOffset(ZoneOffset.UTC))
                        .set(PRICE_ENTRY.CREATED_BY, adminUser)
                        .set(PRICE_ENTRY.CREATED_AT, now)
                        .returningResult(PRICE_ENTRY.ID)
                        .fetchSingle(PRICE_ENTRY.ID);
                String scope = r.store() != null ? "STORE" : r.group() != null ? "GROUP" : "ALL";
                ChangeData.PriceData data = new ChangeData.PriceData(id, r.sku(), r.price(), r.effectiveFrom(), scope);
                if (r.store() != null) {
                    changes.add(new ChangeFeed.Pending(storeId, r.sku(), data));
                } else if (r.group() != null) {
                    // one copy per member store; members that join later get it when they join
                    for (String store : groups.get(r.group())) {
                        changes.add(new ChangeFeed.Pending(store, r.sku(), data));
                    }
                } else {
                    changes.add(new ChangeFeed.Pending(null, r.sku(), data)); // every till, stores opened later too
                }
            }
            feed.append(tx, changes, now);
            return new PriceSaved(requests.size(), changes.size());
        });
    }
}
