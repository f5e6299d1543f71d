package org.omnitill.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.ProductWords;

/**
 * Diagnostic for name search: takes {@code ProductSearch.search(query, 20)} apart on the prepared
 * catalog. For the same random queries as the benchmark it times the whole call and, through a
 * second JDBC connection to the same in-process database, each statement the search runs, written
 * out by hand as jOOQ renders them for H2 (the jOOQ logger {@code org.jooq.tools.LoggerListener}
 * at DEBUG shows them), and prints H2's plan for each. Percentiles in milliseconds. The statements
 * are timed right after the search they belong to, so H2's page cache is warm for them.
 *
 * <pre>java -Xmx256m [-Domnitill.bench.h2="SET CACHE_SIZE 65536"] -cp benchmarks.jar org.omnitill.bench.SearchProbe [PRODUCTS] [QUERIES]</pre>
 */
public final class SearchProbe {

    // as jOOQ 3.20 renders them for H2 (seen with the org.jooq.tools.LoggerListener logger at DEBUG)
    static final String SKU = "select \"PRODUCT\".\"ID\" from \"PRODUCT\" where (\"PRODUCT\".\"SKU\" like cast(? as varchar)"
            + " escape '!' and \"PRODUCT\".\"ACTIVE\" = true) order by \"PRODUCT\".\"SKU\" fetch next ? rows only";
    static final String WORD_1 = "select (\"w0\".\"ID\" / 256) \"product_id\" from \"PRODUCT_WORD\" \"w0\" where \"w0\".\"WORD\""
            + " like cast(? as varchar) escape '!' order by \"w0\".\"WORD\", \"w0\".\"ID\" fetch next ? rows only";
    static final String WORD_2 = "select (\"w0\".\"ID\" / 256) \"product_id\" from \"PRODUCT_WORD\" \"w0\" where (\"w0\".\"WORD\""
            + " like cast(? as varchar) escape '!' and exists (select 1 \"one\" from \"PRODUCT_WORD\" \"w1\" where"
            + " (\"w1\".\"ID\" >= ((\"w0\".\"ID\" / 256) * 256) and \"w1\".\"ID\" <= (((\"w0\".\"ID\" / 256) * 256) + 255)"
            + " and left(\"w1\".\"WORD\", ?) = cast(? as varchar))))"
            + " order by \"w0\".\"WORD\", \"w0\".\"ID\" fetch next ? rows only";

    /** The product rows of the ids found, {@code ids} placeholders. */
    static String rows(int ids) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids; i++) {
            in.append(i == 0 ? "" : ", ").append("cast(? as bigint)");
        }
        return "select \"PRODUCT\".\"ID\", \"PRODUCT\".\"SKU\", \"PRODUCT\".\"NAME\", \"PRODUCT\".\"PRICE\", \"PRODUCT\".\"UNIT\","
                + " \"CATEGORY\".\"NAME\" from \"PRODUCT\" left outer join \"CATEGORY\" on \"CATEGORY\".\"ID\" = \"PRODUCT\".\"CATEGORY_ID\""
                + " where (\"PRODUCT\".\"ID\" in (" + in + ") and \"PRODUCT\".\"ACTIVE\" = true)";
    }

    private SearchProbe() {
    }

    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : BenchFixture.DEFAULT_PRODUCTS;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        BenchFixture.Prepared prepared = BenchFixture.prepare(products, BenchFixture.baseDirectory(), System.out);
        try (Till till = BenchFixture.open(prepared.tillDirectory());
             Connection side = DriverManager.getConnection("jdbc:h2:file:"
                     + prepared.tillDirectory().database().resolve("till").toAbsolutePath(), "sa", "")) {
            // e.g. -Domnitill.bench.h2="SET CACHE_SIZE 65536", as TillState's h2
            BenchFixture.runStatements(side, System.getProperty("omnitill.bench.h2", ""));
            List<String> queries = BenchFixture.randomQueries(till, products, count, 43);
            for (String query : queries.subList(0, Math.min(5, queries.size()))) { // warm up
                till.store().session().search().search(query, 20);
            }
            String one = queries.stream().filter(q -> !q.contains(" ")).findFirst().orElseThrow();
            String two = queries.stream().filter(q -> q.contains(" ")).findFirst().orElse(one + " " + one);
            explain(side, SKU, one.toUpperCase(Locale.ROOT) + "%", 20);
            explain(side, WORD_1, ProductWords.of(one).get(0) + "%", 40);
            List<String> words = driving(side, two);
            explain(side, WORD_2, words.get(0) + "%", words.get(1).length(), words.get(1), 40);
            List<Long> someIds = ids(side, WORD_1, ProductWords.of(one).get(0) + "%", 20);
            explain(side, rows(someIds.size()), someIds.toArray());

            List<Double> search1 = new ArrayList<>();
            List<Double> search2 = new ArrayList<>();
            List<Double> sku = new ArrayList<>();
            List<Double> word1 = new ArrayList<>();
            List<Double> word2 = new ArrayList<>();
            List<Double> rowFetch = new ArrayList<>();
            List<String> slowest = new ArrayList<>();
            for (String query : queries) {
                long start = System.nanoTime();
                till.store().session().search().search(query, 20);
                double ms = (System.nanoTime() - start) / 1e6;
                List<String> w = driving(side, query);
                slowest.add(String.format(Locale.ROOT, "%9.1f ms  '%s'", ms, query));
                if (w.size() == 1) {
                    search1.add(ms);
                    sku.add(time(side, SKU, query.strip() + "%", 20)
                            + time(side, SKU, query.strip().toUpperCase(Locale.ROOT) + "%", 20));
                    word1.add(time(side, WORD_1, w.get(0) + "%", 40));
                    List<Long> found = ids(side, WORD_1, w.get(0) + "%", 20);
                    rowFetch.add(time(side, rows(found.size()), found.toArray()));
                } else {
                    search2.add(ms);
                    word2.add(time(side, WORD_2, w.get(0) + "%", w.get(1).length(), w.get(1), 40));
                }
            }
            print("search(query, 20), one word", search1);
            print("  of which SKU prefix (2 x like)", sku);
            print("  of which word prefix", word1);
            print("search(query, 20), two words", search2);
            print("  of which word prefixes + exists", word2);
            print("product rows of 20 ids (in + join)", rowFetch);
            slowest.sort(java.util.Comparator.reverseOrder());
            System.out.println("slowest searches:");
            slowest.stream().limit(8).forEach(q -> System.out.println("  " + q));
        }
    }

    /**
     * The query's words as the search orders them: fewest products first (from
     * {@code product_word_count}, as {@code JooqProductSearch} does), then the longest; the first
     * drives the index scan.
     */
    static List<String> driving(Connection c, String query) throws SQLException {
        List<String> words = new ArrayList<>(ProductWords.of(query));
        java.util.Map<String, Long> products = new java.util.HashMap<>();
        for (String word : words) {
            try (PreparedStatement s = c.prepareStatement(
                    "select coalesce(sum(\"PRODUCTS\"), 0) from \"PRODUCT_WORD_COUNT\" where \"WORD\" like ?")) {
                s.setString(1, word + "%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    products.put(word, r.getLong(1));
                }
            }
        }
        words.sort(java.util.Comparator.<String>comparingLong(products::get)
                .thenComparing(java.util.Comparator.comparingInt(String::length).reversed()));
        return words;
    }

    private static void explain(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("explain analyze " + sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                System.out.println("PLAN for " + Arrays.toString(params) + ":\n" + r.getString(1) + "\n");
            }
        }
    }

    private static double time(Connection c, String sql, Object... params) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getLong(1);
                }
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Long> ids(Connection c, String sql, Object... params) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!ids.contains(r.getLong(1))) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private static void print(String what, List<Double> ms) {
        if (ms.isEmpty()) {
            return;
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "SEARCH %-34s n=%3d p50=%8.1f p95=%8.1f p99=%8.1f max=%8.1f ms%n", what,
                sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
