package org.omnitill.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.omnitill.hub.jooq.Tables.DOCUMENT;
import static org.omnitill.hub.jooq.Tables.STOCK_LEVEL;
import static org.omnitill.hub.jooq.Tables.STOCK_MOVEMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnitill.sync.protocol.PushedDocument;

/** The hub's API over real HTTP; run once on H2 and once on PostgreSQL by the subclasses. */
abstract class HubApiContract {

    HubHarness hub;

    abstract TestDatabases.Engine engine();

    HubServer.Limits limits() {
        return new HubServer.Limits(256 * 1024, 1_000, 2_000);
    }

    @BeforeEach
    void startHub() {
        hub = new HubHarness(engine(), limits());
        hub.admin("PUT", "/api/v1/admin/tax-rates", List.of(Map.of("code", "STD", "name", "Standard", "percent", "21"),
                Map.of("code", "RED", "name", "Reduced", "percent", "10")));
        hub.store("S1");
        hub.store("S2");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void anEnrolmentCodeWorksOnceAndTheTokenThenIdentifiesTheTill() {
        JsonNode created = hub.admin("POST", "/api/v1/admin/stores/S1/tills", Map.of("code", "T01", "name", "Front"));
        String code = created.get("enrolmentCode").asText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        HttpResponse<String> first = hub.send("POST", "/api/v1/enrol", null, hub.write(Map.of("code", code.toLowerCase())));
        HttpResponse<String> again = hub.send("POST", "/api/v1/enrol", null, hub.write(Map.of("code", code)));

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode enrolled = hub.read(first.body());
        assertThat(enrolled.get("tillCode").asText()).isEqualTo("T01");
        assertThat(enrolled.get("storeCode").asText()).isEqualTo("S1");
        assertThat(enrolled.get("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(hub.read(again.body()).get("detail").asText()).contains("not valid");
        // only a hash of the token is stored
        String stored = hub.database.dsl().select(DSL.field("token_hash", String.class)).from(DSL.table("till"))
                .fetchSingle().value1();
        assertThat(stored).isNotEqualTo(enrolled.get("token").asText()).hasSize(64);
    }

    @Test
    void eachDocumentIsStoredOnceWhateverIsResent() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        List<PushedDocument> batch = List.of(till.sale("A", 2), till.sale("B", 1), till.sale("A", 1));

        JsonNode first = till.pushOk(batch);
        JsonNode second = till.pushOk(batch);
        JsonNode overlapping = till.pushOk(List.of(batch.get(2), till.sale("B", 3)));

        assertThat(statuses(first)).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(statuses(second)).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertThat(statuses(overlapping)).containsExactly("DUPLICATE", "ACCEPTED");
        assertThat(overlapping.get("journalHead").asLong()).isEqualTo(4);
        assertThat(hub.database.dsl().fetchCount(DOCUMENT)).isEqualTo(4);
        assertThat(onHand("S1", "A")).isEqualByComparingTo("-3");
        assertThat(onHand("S1", "B")).isEqualByComparingTo("-4");
        assertLevelsAreTheSumsOfTheMovements();
    }

    @Test
    void documentsOutOfOrderAreAllKeptAndTheHeadWaitsForTheGap() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        PushedDocument one = till.sale("A", 1);
        PushedDocument two = till.sale("A", 1);
        PushedDocument three = till.sale("A", 1);
        PushedDocument four = till.sale("A", 1);

        JsonNode later = till.pushOk(List.of(four, three));
        assertThat(statuses(later)).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(later.get("journalHead").asLong()).isZero();
        assertThat(later.get("missing").asLong()).isEqualTo(2);

        JsonNode first = till.pushOk(List.of(one));
        assertThat(first.get("journalHead").asLong()).isEqualTo(1);
        assertThat(first.get("missing").asLong()).isEqualTo(1);

        JsonNode gapFilled = till.pushOk(List.of(two));
        assertThat(gapFilled.get("journalHead").asLong()).isEqualTo(4);
        assertThat(gapFilled.get("missing").asLong()).isZero();
        assertThat(onHand("S1", "A")).isEqualByComparingTo("-4");
    }

    @Test
    void aDocumentChangedAfterItWasJournaledIsRejectedAndFlagged() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        PushedDocument honest = till.sale("A", 1);
        PushedDocument sold = till.sale("A", 5);
        // someone edits the quantity in the till's journal after the fact
        PushedDocument edited = new PushedDocument(sold.id(), sold.type(), sold.sequence(), sold.createdAt(), sold.prevHash(),
                sold.hash(), sold.body().replace("\"quantity\":\"5\"", "\"quantity\":\"1\""));

        JsonNode response = till.pushOk(List.of(honest, edited));

        assertThat(statuses(response)).containsExactly("ACCEPTED", "REJECTED");
        assertThat(response.get("results").get(1).get("reason").asText()).contains("hash does not match");
        JsonNode journal = hub.admin("GET", "/api/v1/admin/tills/" + till.id + "/journal", null);
        assertThat(journal.get("headSequence").asLong()).isEqualTo(1);
        assertThat(journal.get("flags")).hasSize(1);
        assertThat(journal.get("flags").get(0).get("kind").asText()).isEqualTo("ALTERED");
        assertThat(onHand("S1", "A")).isEqualByComparingTo("-1");
    }

    @Test
    void aBrokenChainAndAReusedNumberAreRejectedAndFlagged() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        PushedDocument one = till.sale("A", 1);
        PushedDocument two = till.sale("A", 1);
        till.pushOk(List.of(one, two));
        // a document claiming to follow a different number 2 (a deleted or rewritten entry)
        String fakePrev = "ab".repeat(32);
        String body = "{\"type\":\"sale\",\"sequence\":3,\"till\":\"T01\",\"lines\":[]}";
        PushedDocument forked = new PushedDocument(UUID.randomUUID(), "sale", 3, one.createdAt(), fakePrev,
                DocumentIngest.hash(fakePrev, body), body);
        String body2 = "{\"type\":\"sale\",\"sequence\":2,\"till\":\"T01\",\"lines\":[]}";
        PushedDocument reused = new PushedDocument(UUID.randomUUID(), "sale", 2, one.createdAt(), one.hash(),
                DocumentIngest.hash(one.hash(), body2), body2);

        JsonNode response = till.pushOk(List.of(forked, reused));

        assertThat(statuses(response)).containsExactly("REJECTED", "REJECTED");
        assertThat(response.get("results").get(0).get("reason").asText()).contains("chain is broken");
        assertThat(response.get("results").get(1).get("reason").asText()).contains("already holds another document");
        JsonNode journal = hub.admin("GET", "/api/v1/admin/tills/" + till.id + "/journal", null);
        assertThat(journal.get("flags").findValuesAsText("kind")).containsExactly("BROKEN_CHAIN", "SEQUENCE_REUSED");
        assertThat(journal.get("headSequence").asLong()).isEqualTo(2);
    }

    @Test
    void aTillIsScopedToItselfAndItsStore() {
        HubHarness.Till a = hub.enrolledTill("S1", "T01");
        HubHarness.Till b = hub.enrolledTill("S1", "T02");
        HubHarness.Till other = hub.enrolledTill("S2", "T01");
        PushedDocument ofA = a.sale("A", 1);

        // B pushes A's document: it names till T01, B is T02
        JsonNode pushedByB = b.pushOk(List.of(ofA));
        HttpResponse<String> othersJournal = other.hub.send("GET", "/api/v1/tills/" + a.id + "/journal", other.bearer(), null);
        HttpResponse<String> ownJournal = a.hub.send("GET", "/api/v1/tills/" + a.id + "/journal", a.bearer(), null);
        a.pushOk(List.of(ofA));
        other.pushOk(List.of(other.sale("A", 7)));

        assertThat(statuses(pushedByB)).containsExactly("REJECTED");
        assertThat(pushedByB.get("results").get(0).get("reason").asText()).contains("belongs to till T01");
        assertThat(othersJournal.statusCode()).isEqualTo(403);
        assertThat(hub.read(othersJournal.body()).get("detail").asText()).contains("only its own journal");
        assertThat(ownJournal.statusCode()).isEqualTo(200);
        // each sale moved its own store's stock
        assertThat(onHand("S1", "A")).isEqualByComparingTo("-1");
        assertThat(onHand("S2", "A")).isEqualByComparingTo("-7");
    }

    @Test
    void clientMistakesGetAClearAnswerAndNever500() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");

        HttpResponse<String> malformed = hub.send("POST", "/api/v1/documents", till.bearer(), "{\"documents\": [ {\"id\": ");
        HttpResponse<String> wrongShape = hub.send("POST", "/api/v1/documents", till.bearer(), "{\"documents\": 7}");
        HttpResponse<String> noBody = hub.send("POST", "/api/v1/documents", till.bearer(), "");
        HttpResponse<String> unknownToken = hub.send("POST", "/api/v1/documents", "Bearer nope", "{\"documents\": []}");
        HttpResponse<String> noToken = hub.send("GET", "/api/v1/changes", null, null);
        HttpResponse<String> badCursor = hub.send("GET", "/api/v1/changes?after=abc", till.bearer(), null);
        HttpResponse<String> badLimit = hub.send("GET", "/api/v1/changes?limit=0", till.bearer(), null);
        HttpResponse<String> wrongAdmin = hub.send("GET", "/api/v1/admin/stores", HubHarness.basic("admin", "guess"), null);
        HttpResponse<String> badBasic = hub.send("GET", "/api/v1/admin/stores", "Basic !!!", null);
        HttpResponse<String> noSuchRoute = hub.send("GET", "/api/v1/nothing", null, null);
        HttpResponse<String> tooLarge = hub.send("POST", "/api/v1/documents", till.bearer(),
                "{\"documents\": [], \"pad\": \"" + "x".repeat(300 * 1024) + "\"}");
        List<PushedDocument> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(new PushedDocument(UUID.randomUUID(), "sale", i + 1, null, null, null, "{}"));
        }
        HttpResponse<String> batchTooLarge = till.push(tooMany);
        HttpResponse<String> badStore = hub.send("POST", "/api/v1/admin/stores", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                "{\"code\": \"S 3\", \"name\": \"\", \"currency\": \"EURO\"}");
        HttpResponse<String> badProducts = hub.send("PUT", "/api/v1/admin/products", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                hub.write(List.of(Map.of("sku", "X1", "name", "Thing", "price", "-1", "taxCode", "NOPE", "unit", "box", "active", true))));
        JsonNode fieldsMissing = till.pushOk(List.of(new PushedDocument(UUID.randomUUID(), "sale", 1, null, null, null, "{}")));

        assertProblem(malformed, 400, "malformed JSON");
        assertProblem(wrongShape, 400, "malformed JSON");
        assertProblem(noBody, 400, "no body");
        assertProblem(unknownToken, 401, "not known");
        assertProblem(noToken, 401, "Bearer");
        assertProblem(badCursor, 400, "whole number");
        assertProblem(badLimit, 400, "limit must be");
        assertProblem(wrongAdmin, 401, "wrong password");
        assertProblem(badBasic, 401, "base64");
        assertProblem(noSuchRoute, 404, "/api/v1/nothing");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertProblem(batchTooLarge, 413, "at most 500");
        assertProblem(badStore, 400, "store code");
        assertProblem(badProducts, 400, "nothing was saved");
        assertThat(hub.read(badProducts.body()).get("detail").asText()).contains("price", "tax code NOPE", "unit");
        assertThat(statuses(fieldsMissing)).containsExactly("REJECTED");
        assertThat(fieldsMissing.get("results").get(0).get("reason").asText()).contains("createdAt");
    }

    @Test
    void theChangeFeedPagesCatalogTaxesAndStockInOrder() {
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            products.add(Map.of("sku", "P" + i, "name", "Product " + i, "price", "1.50", "taxCode", "STD", "unit", "each",
                    "barcodes", List.of(), "active", true));
        }
        hub.admin("PUT", "/api/v1/admin/products", products);
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        till.pushOk(List.of(till.sale("P3", 2)));

        List<JsonNode> all = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        while (true) {
            JsonNode page = till.changes(cursor, 10);
            page.get("changes").forEach(all::add);
            pages++;
            cursor = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                break;
            }
        }
        JsonNode empty = till.changes(cursor, 10);

        // 2 tax rates, 2 store locations, 25 products, 1 stock level: three full pages, the last says no more
        assertThat(all).hasSize(30);
        assertThat(pages).isEqualTo(3);
        List<Long> seqs = all.stream().map(c -> c.get("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(all).extracting(c -> c.get("data").get("kind").asText())
                .containsOnly("tax-rate", "location", "product", "stock-level");
        assertThat(all.stream().filter(c -> c.get("data").get("kind").asText().equals("product"))).hasSize(25);
        JsonNode stock = all.get(all.size() - 1).get("data");
        assertThat(stock.get("location").asText()).isEqualTo("S1");
        assertThat(stock.get("sku").asText()).isEqualTo("P3");
        assertThat(stock.get("onHand").decimalValue()).isEqualByComparingTo("-2");
        assertThat(empty.get("changes")).isEmpty();
        assertThat(empty.get("next").asLong()).isEqualTo(cursor);
    }

    @Test
    void adjustmentsAndTransfersAreLedgerMovementsAppliedOnce() {
        hub.admin("POST", "/api/v1/admin/locations", Map.of("code", "WH", "name", "Warehouse", "kind", "WAREHOUSE"));
        String adjustment = UUID.randomUUID().toString();
        String transfer = UUID.randomUUID().toString();

        JsonNode first = hub.admin("POST", "/api/v1/admin/stock/adjustments",
                Map.of("id", adjustment, "location", "WH", "sku", "A", "quantity", "100", "note", "delivery"));
        JsonNode again = hub.admin("POST", "/api/v1/admin/stock/adjustments",
                Map.of("id", adjustment, "location", "WH", "sku", "A", "quantity", "100", "note", "delivery"));
        hub.admin("POST", "/api/v1/admin/stock/transfers",
                Map.of("id", transfer, "from", "WH", "to", "S1", "sku", "A", "quantity", "30", "note", "restock"));
        hub.admin("POST", "/api/v1/admin/stock/transfers",
                Map.of("id", transfer, "from", "WH", "to", "S1", "sku", "A", "quantity", "30", "note", "restock"));
        JsonNode levels = hub.admin("GET", "/api/v1/admin/stock?sku=A", null);
        JsonNode count = hub.admin("POST", "/api/v1/admin/stock/adjustments", List.of(
                Map.of("id", UUID.randomUUID().toString(), "location", "S1", "sku", "B", "quantity", "5", "note", "count"),
                Map.of("id", UUID.randomUUID().toString(), "location", "WH", "sku", "B", "quantity", "7", "note", "count")));
        HttpResponse<String> badCount = hub.send("POST", "/api/v1/admin/stock/adjustments",
                HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD), hub.write(List.of(
                        Map.of("id", UUID.randomUUID().toString(), "location", "S1", "sku", "C", "quantity", "5", "note", "count"),
                        Map.of("id", UUID.randomUUID().toString(), "location", "NOWHERE", "sku", "C", "quantity", "7", "note", "count"))));

        assertThat(first.get("status").asText()).isEqualTo("accepted");
        assertThat(again.get("status").asText()).isEqualTo("duplicate");
        assertThat(levels).hasSize(2);
        assertThat(onHand("WH", "A")).isEqualByComparingTo("70");
        assertThat(onHand("S1", "A")).isEqualByComparingTo("30");
        assertThat(count.findValuesAsText("status")).containsExactly("accepted", "accepted");
        assertThat(onHand("WH", "B")).isEqualByComparingTo("7");
        assertProblem(badCount, 400, "no location NOWHERE");
        assertThat(onHand("S1", "C")).isEqualByComparingTo("0"); // the batch was all or nothing
        assertLevelsAreTheSumsOfTheMovements();
    }

    @Test
    void concurrentTillsOfTwoStoresEndWithExactlyTheirDocumentsAndAgreeingStock() throws Exception {
        List<HubHarness.Till> tills = List.of(hub.enrolledTill("S1", "T01"), hub.enrolledTill("S1", "T02"),
                hub.enrolledTill("S2", "T01"), hub.enrolledTill("S2", "T02"));
        Map<String, BigDecimal> expected = Collections.synchronizedMap(new HashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < tills.size(); t++) {
            HubHarness.Till till = tills.get(t);
            String store = t < 2 ? "S1" : "S2";
            done.add(pool.submit(() -> {
                int sent = 0;
                for (int batch = 0; batch < 10; batch++) {
                    List<PushedDocument> docs = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        String sku = "SKU" + ((batch + i) % 3);
                        docs.add(till.sale(sku, 1, "SKU9", 2));
                        expected.merge(store + "|" + sku, BigDecimal.ONE.negate(), BigDecimal::add);
                        expected.merge(store + "|SKU9", BigDecimal.valueOf(-2), BigDecimal::add);
                    }
                    till.pushOk(docs);
                    till.pushOk(docs.subList(0, 2)); // a resend after a lost answer
                    sent += docs.size();
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> f : done) {
            sent += f.get();
        }
        pool.shutdown();

        assertThat(hub.database.dsl().fetchCount(DOCUMENT)).isEqualTo(sent).isEqualTo(200);
        expected.forEach((key, quantity) -> {
            String[] parts = key.split("\\|");
            assertThat(onHand(parts[0], parts[1])).as(key).isEqualByComparingTo(quantity);
        });
        assertLevelsAreTheSumsOfTheMovements();
        for (HubHarness.Till till : tills) {
            JsonNode journal = hub.admin("GET", "/api/v1/admin/tills/" + till.id + "/journal", null);
            assertThat(journal.get("headSequence").asLong()).isEqualTo(50);
            assertThat(journal.get("flags")).isEmpty();
        }
    }

    @Test
    void aCatalogCsvInTheTillsFormatIsImportedAllOrNothing() {
        String auth = HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD);
        String good = "\uFEFFsku,name,barcodes,price,tax,category,unit,supplier\n"
                + "A1,\"Tomatoes, cherry \"\"bio\"\"\",8438438405715,1.39,RED,Veg,kg,ACME\n"
                + "A2,Eggs,8414850557430|96385074,3.29,RED,,each,ACME\n";
        String bad = "sku,name,barcodes,price,tax,category,unit\n"
                + "B1,Fine,,1.00,STD,,each\n"
                + "B2,Bad price,,1\u00a02,STD,,each\n"
                + "B3,Bad barcode,8414850557431,1.00,STD,,each\n"
                + "B4,Unknown tax,,1.00,XXX,,box\n"
                + "B1,Duplicate,,1.00,STD,,each\n";

        HttpResponse<String> imported = hub.send("POST", "/api/v1/admin/catalog.csv", auth, good);
        HttpResponse<String> rejected = hub.send("POST", "/api/v1/admin/catalog.csv", auth, bad);
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        List<JsonNode> products = new ArrayList<>();
        till.changes(0, 100).get("changes").forEach(c -> {
            if (c.get("data").get("kind").asText().equals("product")) {
                products.add(c.get("data"));
            }
        });

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(hub.read(imported.body()).get("saved").asInt()).isEqualTo(2);
        assertThat(hub.read(imported.body()).get("warnings").get(0).asText()).contains("supplier");
        assertThat(products).extracting(p -> p.get("name").asText()).containsExactly("Tomatoes, cherry \"bio\"", "Eggs");
        assertThat(products.get(1).get("barcodes")).hasSize(2);
        assertProblem(rejected, 400, "nothing was imported");
        assertThat(hub.read(rejected.body()).get("detail").asText())
                .contains("line 3: price", "line 4: barcode '8414850557431'", "line 5: tax code 'XXX'", "unit must be each or kg",
                        "line 6: sku B1 is already on line 2")
                .doesNotContain("line 2:");
        assertThat(products).noneMatch(p -> p.get("sku").asText().startsWith("B"));
        assertThat(new CatalogCsvImport(java.util.Set.of("STD")).read(new byte[] {'s', 'k', 'u', (byte) 0xE9}).errors())
                .singleElement().asString().contains("not UTF-8");
    }

    @Test
    void priceBookEntriesReachTheTillsOfTheStoresTheyConcern() {
        hub.store("S3");
        hub.admin("PUT", "/api/v1/admin/products", List.of(Map.of("sku", "A", "name", "Apple", "price", "1.00", "taxCode", "RED",
                "unit", "each", "barcodes", List.of(), "active", true)));
        hub.admin("PUT", "/api/v1/admin/store-groups", Map.of("code", "SOUTH", "name", "South", "stores", List.of("S1", "S3")));
        HubHarness.Till s1 = hub.enrolledTill("S1", "T01");
        HubHarness.Till s2 = hub.enrolledTill("S2", "T01");
        long s1Cursor = s1.changes(0, 1000).get("next").asLong();
        long s2Cursor = s2.changes(0, 1000).get("next").asLong();

        JsonNode saved = hub.admin("POST", "/api/v1/admin/prices", List.of(
                Map.of("sku", "A", "price", "0.90", "effectiveFrom", "2026-12-01T00:00:00Z"),
                Map.of("sku", "A", "price", "0.80", "effectiveFrom", "2026-12-01T00:00:00Z", "group", "SOUTH"),
                Map.of("sku", "A", "price", "0.70", "effectiveFrom", "2026-12-02T00:00:00Z", "store", "S1")));
        HttpResponse<String> bad = hub.send("POST", "/api/v1/admin/prices", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                hub.write(List.of(Map.of("sku", "NOPE", "price", "-1", "effectiveFrom", "2026-12-01T00:00:00Z", "store", "S1", "group", "SOUTH"),
                        Map.of("sku", "A", "price", "1", "store", "S9"))));
        List<String> s1Prices = new ArrayList<>();
        s1.changes(s1Cursor, 1000).get("changes").forEach(c -> s1Prices.add(c.get("data").get("scope").asText() + " "
                + c.get("data").get("price").asText()));
        List<String> s2Prices = new ArrayList<>();
        s2.changes(s2Cursor, 1000).get("changes").forEach(c -> s2Prices.add(c.get("data").get("scope").asText() + " "
                + c.get("data").get("price").asText()));

        assertThat(saved.get("entries").asInt()).isEqualTo(3);
        assertThat(s1Prices).containsExactly("ALL 0.9", "GROUP 0.8", "STORE 0.7");
        assertThat(s2Prices).containsExactly("ALL 0.9");
        assertProblem(bad, 400, "nothing was saved");
        assertThat(hub.read(bad.body()).get("detail").asText())
                .contains("no product NOPE", "price must be 0 to", "not both", "effectiveFrom is missing", "no store S9");
    }

    @Test
    void promotionsGoToTheTillsOfTheirStoresMoveAndAreWithdrawn() {
        hub.admin("PUT", "/api/v1/admin/products", List.of(Map.of("sku", "A", "name", "Apple", "price", "1.00", "taxCode", "RED",
                "unit", "each", "barcodes", List.of())));
        HubHarness.Till s1 = hub.enrolledTill("S1", "T01");
        HubHarness.Till s2 = hub.enrolledTill("S2", "T01");
        long s1Cursor = s1.changes(0, 1000).get("next").asLong();
        long s2Cursor = s2.changes(0, 1000).get("next").asLong();

        hub.admin("PUT", "/api/v1/admin/promotions", List.of(
                Map.of("code", "APPLE3", "name", "Apples 3 for 2.50", "kind", "MULTI_BUY", "buyQuantity", 3, "bundlePrice", "2.50",
                        "skus", List.of("A"), "effectiveFrom", "2026-12-01T00:00:00Z", "store", "S1")));
        List<String> s1First = promotionChanges(s1, s1Cursor);
        // it moves to S2: S1 drops it, S2 gets it
        hub.admin("PUT", "/api/v1/admin/promotions", List.of(
                Map.of("code", "APPLE3", "name", "Apples 3 for 2.50", "kind", "MULTI_BUY", "buyQuantity", 3, "bundlePrice", "2.50",
                        "skus", List.of("A"), "effectiveFrom", "2026-12-01T00:00:00Z", "store", "S2")));
        HttpResponse<String> deleted = hub.send("DELETE", "/api/v1/admin/promotions/APPLE3",
                HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD), null);
        HttpResponse<String> unknown = hub.send("DELETE", "/api/v1/admin/promotions/NOPE",
                HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD), null);
        HttpResponse<String> bad = hub.send("PUT", "/api/v1/admin/promotions", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                hub.write(List.of(Map.of("code", "X", "name", "X", "kind", "HALF_PRICE", "skus", List.of("NOPE"),
                                "effectiveFrom", "2026-12-01T00:00:00Z", "effectiveTo", "2026-11-01T00:00:00Z"),
                        Map.of("code", "Y", "name", "Y", "kind", "PERCENT_OFF", "percent", "150", "skus", List.of("A"),
                                "effectiveFrom", "2026-12-01T00:00:00Z", "store", "S9"))));

        assertThat(s1First).containsExactly("promotion APPLE3 MULTI_BUY");
        assertThat(promotionChanges(s1, s1Cursor)).containsExactly("promotion APPLE3 MULTI_BUY", "promotion-removed APPLE3");
        assertThat(promotionChanges(s2, s2Cursor)).containsExactly("promotion APPLE3 MULTI_BUY", "promotion-removed APPLE3");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertProblem(unknown, 404, "no promotion NOPE");
        assertProblem(bad, 400, "nothing was saved");
        assertThat(hub.read(bad.body()).get("detail").asText())
                .contains("kind must be PERCENT_OFF or MULTI_BUY", "no product NOPE", "effectiveTo must be after",
                        "percent must be more than 0 and at most 100", "no store S9");
        assertThat(hub.admin("GET", "/api/v1/admin/promotions", null)).isEmpty();
    }

    private List<String> promotionChanges(HubHarness.Till till, long after) {
        List<String> found = new ArrayList<>();
        till.changes(after, 1000).get("changes").forEach(c -> {
            JsonNode data = c.get("data");
            String kind = data.get("kind").asText();
            if (kind.equals("promotion")) {
                found.add("promotion " + data.get("code").asText() + " " + data.get("promotionKind").asText());
            } else if (kind.equals("promotion-removed")) {
                found.add("promotion-removed " + data.get("code").asText());
            }
        });
        return found;
    }

    @Test
    void storesThatJoinOrLeaveAGroupOrOpenLaterGetTheRightPriceEntries() {
        hub.admin("PUT", "/api/v1/admin/products", List.of(Map.of("sku", "A", "name", "Apple", "price", "1.00", "taxCode", "RED",
                "unit", "each", "barcodes", List.of())));
        hub.admin("PUT", "/api/v1/admin/store-groups", Map.of("code", "G", "name", "Group", "stores", List.of("S1")));
        hub.admin("POST", "/api/v1/admin/prices", List.of(
                Map.of("sku", "A", "price", "0.50", "effectiveFrom", "2026-12-01T00:00:00Z", "group", "G"),
                Map.of("sku", "A", "price", "0.90", "effectiveFrom", "2026-12-01T00:00:00Z")));
        HubHarness.Till s1 = hub.enrolledTill("S1", "T01");
        HubHarness.Till s2 = hub.enrolledTill("S2", "T01");
        long s1Cursor = s1.changes(0, 1000).get("next").asLong();
        List<String> s2First = priceChanges(s2, 0);
        long s2Cursor = s2.changes(0, 1000).get("next").asLong();

        hub.admin("PUT", "/api/v1/admin/store-groups", Map.of("code", "G", "name", "Group", "stores", List.of("S2")));
        hub.store("S4");
        HubHarness.Till s4 = hub.enrolledTill("S4", "T01");

        assertThat(s2First).containsExactly("price ALL 0.9");
        assertThat(priceChanges(s1, s1Cursor)).containsExactly("price-removed");
        assertThat(priceChanges(s2, s2Cursor)).containsExactly("price GROUP 0.5");
        assertThat(priceChanges(s4, 0)).containsExactly("price ALL 0.9"); // opened after the entry was made
        JsonNode products = s4.changes(0, 1000).get("changes");
        products.forEach(c -> {
            if (c.get("data").get("kind").asText().equals("product")) {
                assertThat(c.get("data").get("active").asBoolean()).isTrue(); // left out by the admin: on sale
            }
        });
    }

    private List<String> priceChanges(HubHarness.Till till, long after) {
        List<String> found = new ArrayList<>();
        till.changes(after, 1000).get("changes").forEach(c -> {
            JsonNode data = c.get("data");
            String kind = data.get("kind").asText();
            if (kind.equals("price")) {
                found.add("price " + data.get("scope").asText() + " " + data.get("price").asText());
            } else if (kind.equals("price-removed")) {
                found.add("price-removed");
            }
        });
        return found;
    }

    @Test
    void compactionKeepsTheLatestOfEachThingSoAFreshTillEndsTheSame() {
        hub.admin("PUT", "/api/v1/admin/products", List.of(Map.of("sku", "A", "name", "Apple", "price", "1.00", "taxCode", "RED",
                "unit", "each", "barcodes", List.of())));
        hub.admin("PUT", "/api/v1/admin/products", List.of(Map.of("sku", "A", "name", "Apple", "price", "1.20", "taxCode", "RED",
                "unit", "each", "barcodes", List.of())));
        hub.admin("POST", "/api/v1/admin/prices", List.of(Map.of("sku", "A", "price", "0.90", "effectiveFrom", "2026-12-01T00:00:00Z"),
                Map.of("sku", "A", "price", "0.80", "effectiveFrom", "2026-12-02T00:00:00Z")));
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        for (int i = 0; i < 3; i++) {
            till.pushOk(List.of(till.sale("A", 1)));
        }
        List<String> before = lastOfEach(till);
        long cursorMidway = 3;

        int dropped = hub.server.compactFeed();
        List<String> after = lastOfEach(till);

        assertThat(dropped).isEqualTo(3); // the first product version and two older stock levels
        assertThat(after).isEqualTo(before);
        assertThat(after).contains("product A 1.2", "stock-level S1|A -3", "price 0.9", "price 0.8");
        assertThat(till.changes(cursorMidway, 1000).get("changes")).isNotEmpty();
        assertThat(hub.server.compactFeed()).isZero();
    }

    /** The feed read from the start, reduced to the last change of each thing (what a till ends with). */
    private List<String> lastOfEach(HubHarness.Till till) {
        Map<String, String> last = new java.util.LinkedHashMap<>();
        till.changes(0, 1000).get("changes").forEach(c -> {
            JsonNode d = c.get("data");
            switch (d.get("kind").asText()) {
                case "product" -> last.put("product " + d.get("sku").asText(), "product " + d.get("sku").asText() + " "
                        + d.get("price").decimalValue().stripTrailingZeros().toPlainString());
                case "stock-level" -> last.put("stock " + d.get("location").asText() + d.get("sku").asText(), "stock-level "
                        + d.get("location").asText() + "|" + d.get("sku").asText() + " "
                        + d.get("onHand").decimalValue().stripTrailingZeros().toPlainString());
                case "price" -> last.put("price " + d.get("id").asText(), "price " + d.get("price").decimalValue().stripTrailingZeros().toPlainString());
                default -> last.put(d.get("kind").asText() + " " + d.toString(), d.get("kind").asText());
            }
        });
        return new ArrayList<>(last.values());
    }

    @Test
    void aCursorAheadOfTheFeedIsToldToStartAgain() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");

        HttpResponse<String> ahead = hub.send("GET", "/api/v1/changes?after=999999", till.bearer(), null);

        assertProblem(ahead, 409, "read the feed again from 0");
    }

    @Test
    void documentsTheLedgerCannotHoldAreRejectedOneByOneNotWithA500() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        PushedDocument fine = till.sale("A", 1);
        PushedDocument longSku = till.sale("S".repeat(65), 1);
        PushedDocument hugeQuantity = till.sale("B", "1E+16");
        PushedDocument farFuture = till.sale("B", 1);
        PushedDocument future = new PushedDocument(farFuture.id(), farFuture.type(), farFuture.sequence(),
                java.time.Instant.parse("+300000-01-01T00:00:00Z"), farFuture.prevHash(), farFuture.hash(), farFuture.body());

        JsonNode response = till.pushOk(List.of(fine, longSku, hugeQuantity, future));
        HttpResponse<String> nul = hub.send("PUT", "/api/v1/admin/products", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                "[{\"sku\": \"X\\u0000\", \"name\": \"x\", \"price\": 1, \"taxCode\": \"STD\", \"unit\": \"each\"}]");
        HttpResponse<String> hugePrice = hub.send("PUT", "/api/v1/admin/products", HubHarness.basic(HubHarness.ADMIN, HubHarness.ADMIN_PASSWORD),
                hub.write(List.of(Map.of("sku", "X", "name", "x", "price", "1E+20", "taxCode", "STD", "unit", "each",
                        "category", "c".repeat(200)))));

        assertThat(statuses(response)).containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(response.get("results").get(1).get("reason").asText()).contains("sku must be 1 to 64");
        assertThat(response.get("results").get(2).get("reason").asText()).contains("does not fit the stock ledger");
        assertThat(response.get("results").get(3).get("reason").asText()).contains("between the years 2000 and 9999");
        assertProblem(nul, 400, "NUL");
        assertProblem(hugePrice, 400, "price must be 0 to");
        assertThat(hub.read(hugePrice.body()).get("detail").asText()).contains("category must be at most 128");
    }

    @Test
    void anAdminSeesTheTillsOfAStoreAndWhichAreEnrolled() {
        hub.enrolledTill("S1", "T01");
        hub.admin("POST", "/api/v1/admin/stores/S1/tills", Map.of("code", "T02"));

        JsonNode tills = hub.admin("GET", "/api/v1/admin/stores/S1/tills", null);

        assertThat(tills).hasSize(2);
        assertThat(tills.get(0).get("code").asText()).isEqualTo("T01");
        assertThat(tills.get(0).get("enrolled").asBoolean()).isTrue();
        assertThat(tills.get(1).get("enrolled").asBoolean()).isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        JsonNode doc = hub.read(hub.send("GET", "/api/v1/openapi.json", null, null).body());

        for (HubServer.Route route : hub.server.routes()) {
            JsonNode path = doc.get("paths").get(route.path());
            assertThat(path).as(route.path()).isNotNull();
            assertThat(path.get(route.method().name().toLowerCase())).as(route.method() + " " + route.path()).isNotNull();
        }
    }

    @Test
    void metricsCountDocumentsAndResponses() {
        HubHarness.Till till = hub.enrolledTill("S1", "T01");
        PushedDocument sale = till.sale("A", 1);
        till.pushOk(List.of(sale));
        till.pushOk(List.of(sale));

        String metrics = hub.send("GET", "/metrics", null, null).body();

        assertThat(metrics).contains("omnitill_hub_documents_total{result=\"accepted\"} 1",
                "omnitill_hub_documents_total{result=\"duplicate\"} 1",
                "omnitill_hub_http_responses_total{route=\"/api/v1/documents\",status=\"200\"} 2");
    }

    private static List<String> statuses(JsonNode response) {
        List<String> statuses = new ArrayList<>();
        response.get("results").forEach(r -> statuses.add(r.get("status").asText()));
        return statuses;
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = hub.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detailContains);
    }

    BigDecimal onHand(String location, String sku) {
        JsonNode levels = hub.admin("GET", "/api/v1/admin/stock?location=" + location + "&sku=" + sku, null);
        return levels.isEmpty() ? BigDecimal.ZERO : levels.get(0).get("onHand").decimalValue();
    }

    /** Checked by a different query than the one that maintains the levels: a full sum of the ledger. */
    void assertLevelsAreTheSumsOfTheMovements() {
        var sums = hub.database.dsl().select(STOCK_MOVEMENT.LOCATION_ID, STOCK_MOVEMENT.SKU, DSL.sum(STOCK_MOVEMENT.QUANTITY))
                .from(STOCK_MOVEMENT).groupBy(STOCK_MOVEMENT.LOCATION_ID, STOCK_MOVEMENT.SKU).fetch();
        var levels = hub.database.dsl().selectFrom(STOCK_LEVEL).fetch();
        assertThat(levels).hasSameSizeAs(sums);
        for (var sum : sums) {
            var level = levels.stream().filter(l -> l.getLocationId().equals(sum.value1()) && l.getSku().equals(sum.value2()))
                    .findFirst().orElseThrow();
            assertThat(level.getOnHand()).isEqualByComparingTo(sum.value3());
        }
    }
}
