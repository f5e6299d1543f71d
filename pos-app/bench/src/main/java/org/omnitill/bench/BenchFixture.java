package org.omnitill.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.core.catalog.ImportProgress;
import org.omnitill.core.catalog.ImportResult;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.ProductWords;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;

/**
 * The benchmarks' data: a generated catalog CSV and a till data directory it was imported into,
 * both made once and kept in a cache directory ({@code -Domnitill.bench.dir}, default
 * {@code /tmp/omnitill-bench}) so every benchmark run reuses them.
 *
 * <p>The import goes through {@link CatalogImporter}, the code {@code omnitill import-catalog} runs,
 * into a fresh data directory; its wall time is the import figure and is kept beside the data in
 * {@code bench-import.properties}. A directory without that file (an import that was interrupted) is
 * thrown away and imported again.
 *
 * <p>{@code java -cp benchmarks.jar org.omnitill.bench.BenchFixture [PRODUCTS]} prepares it and prints
 * the import figure; the benchmarks call {@link #prepare} themselves if it was not done.
 */
public final class BenchFixture {

    public static final String DIR_PROPERTY = "omnitill.bench.dir";
    public static final String DEFAULT_DIR = "/tmp/omnitill-bench";
    public static final int DEFAULT_PRODUCTS = 1_000_000;
    /** PBKDF2 iterations for the benchmark's staff PIN: signing in is not measured. */
    private static final int PIN_ITERATIONS = 1_000;
    private static final String MARKER = "bench-import.properties";

    /** A prepared catalog: where its CSV and till data directory are, and what importing it took. */
    public record Prepared(int products, Path csv, DataDirectory tillDirectory, double importSeconds,
                           long csvBytes, long databaseBytes, Properties details) {
    }

    private BenchFixture() {
    }

    public static Path baseDirectory() {
        return Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)).toAbsolutePath();
    }

    public static void main(String[] args) throws IOException {
        int products = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_PRODUCTS;
        Prepared prepared = prepare(products, baseDirectory(), System.out);
        System.out.printf(Locale.ROOT, "catalog: %d products, CSV %s (%.1f MB)%n", prepared.products(), prepared.csv(),
                prepared.csvBytes() / 1e6);
        System.out.printf(Locale.ROOT, "till data directory: %s (database %.1f MB)%n", prepared.tillDirectory().root(),
                prepared.databaseBytes() / 1e6);
        System.out.printf(Locale.ROOT, "IMPORT products=%d seconds=%.1f (CatalogImporter.importFile, %s, on %s)%n",
                prepared.products(), prepared.importSeconds(), prepared.details().getProperty("java"),
                prepared.details().getProperty("date"));
    }

    /**
     * The catalog of {@code products} products under {@code base}: generated and imported now if it
     * was not before (progress goes to {@code log}), else the one already there.
     */
    public static synchronized Prepared prepare(int products, Path base, PrintStream log) throws IOException {
        Files.createDirectories(base);
        Path csv = base.resolve("catalog-" + products + ".csv");
        if (!Files.exists(csv)) {
            log.printf("generating %d products into %s ...%n", products, csv);
            long start = System.nanoTime();
            CatalogGenerator.write(csv, products, CatalogGenerator.DEFAULT_SEED);
            log.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        DataDirectory till = new DataDirectory(base.resolve("till-" + products));
        Path marker = till.root().resolve(MARKER);
        if (!Files.exists(marker)) {
            deleteRecursively(till.root()); // an interrupted import: start again from nothing
            importInto(csv, till, marker, log);
        }
        Properties details = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            details.load(in);
        }
        return new Prepared(products, csv, till, Double.parseDouble(details.getProperty("importSeconds")),
                Files.size(csv), directorySize(till.database()), details);
    }

    private static void importInto(Path csv, DataDirectory dir, Path marker, PrintStream log) throws IOException {
        log.printf("importing %s into %s ...%n", csv, dir.root());
        long opened = System.nanoTime();
        try (Till till = open(dir)) {
            long start = System.nanoTime();
            ImportResult result = new CatalogImporter(till.store(), till.settings()).importFile(csv, progress(log, start));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.succeeded()) {
                result.errors().stream().limit(20).forEach(e -> log.println("error: " + e));
                throw new IllegalStateException("the generated catalog was refused: " + result.errors().size() + " error(s)");
            }
            cashier(till);
            long count = till.store().session().catalog().productCount();
            log.printf(Locale.ROOT, "imported %d products in %.1f s (%d in the catalog)%n", result.imported(), seconds, count);
            Properties details = new Properties();
            details.setProperty("products", Long.toString(count));
            details.setProperty("importSeconds", String.format(Locale.ROOT, "%.3f", seconds));
            details.setProperty("openAndImportSeconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - opened) / 1e9));
            details.setProperty("date", Instant.now().toString());
            details.setProperty("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            details.setProperty("maxHeapMB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
            details.setProperty("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
            try (Writer out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
                details.store(out, "catalog import for the benchmarks (CatalogImporter.importFile wall time)");
            }
        }
    }

    private static ImportProgress progress(PrintStream log, long start) {
        long[] printed = {0};
        return (phase, read, written) -> {
            if (phase != ImportProgress.Phase.READING || read / 100_000 > printed[0] / 100_000) {
                printed[0] = read;
                log.printf(Locale.ROOT, "  %-9s %,9d rows at %5.1f s%n", phase, read, (System.nanoTime() - start) / 1e9);
            }
        };
    }

    /** Opens a till data directory the way the benchmarks do: not in demo mode, a cheap PIN hasher. */
    public static Till open(DataDirectory dir) throws IOException {
        return Till.open(dir, false, new PinHasher(PIN_ITERATIONS, new SecureRandom()));
    }

    /** The first active staff member, enrolling a cashier if there is none. */
    public static StaffMember cashier(Till till) {
        List<StaffMember> staff = till.logins().activeStaff();
        if (!staff.isEmpty()) {
            return staff.get(0);
        }
        return till.logins().enrol("Bench Cashier", Role.CASHIER, "1111".toCharArray());
    }

    /** {@code count} barcodes of random products of a generated catalog of {@code products}. */
    public static List<String> randomBarcodes(int products, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> barcodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            barcodes.add(CatalogGenerator.barcode(random.nextInt(products)));
        }
        return barcodes;
    }

    /** {@code count} random products of the catalog in {@code till}, looked up by barcode. */
    public static List<Product> randomProducts(Till till, int products, int count, long seed) {
        var catalog = till.store().session().catalog();
        List<Product> found = new ArrayList<>(count);
        for (String barcode : randomBarcodes(products, count, seed)) {
            found.add(catalog.findByBarcode(barcode)
                    .orElseThrow(() -> new IllegalStateException("barcode " + barcode + " is not in the catalog")));
        }
        return found;
    }

    /**
     * What a cashier types to find a product by name: from the name of a random product, the first 3
     * to 5 letters of one of its words ("cher"), or in 30 % of queries of two of its words ("cher tom").
     * Sizes and other short or numeric words are never used.
     */
    public static List<String> randomQueries(Till till, int products, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> queries = new ArrayList<>(count);
        for (Product product : randomProducts(till, products, count, seed ^ 0x5DEECE66DL)) {
            List<String> words = ProductWords.of(product.name()).stream()
                    .filter(w -> w.length() >= 3 && w.chars().allMatch(Character::isLetter))
                    .toList();
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(random.nextInt(words.size()));
            String query = prefix(first, 3 + random.nextInt(3));
            if (words.size() > 1 && random.nextInt(10) < 3) {
                String second;
                do {
                    second = words.get(random.nextInt(words.size()));
                } while (second.equals(first));
                query = query + " " + prefix(second, 3 + random.nextInt(2));
            }
            queries.add(query);
        }
        return queries;
    }

    private static String prefix(String word, int length) {
        return word.substring(0, Math.min(length, word.length()));
    }

    /**
     * Runs H2 statements separated by {@code ;} (diagnostics such as {@code SET CACHE_SIZE 65536})
     * on the till's open database through {@code side}, a second connection to it.
     */
    static void runStatements(java.sql.Connection side, String statements) throws java.sql.SQLException {
        try (java.sql.Statement sql = side.createStatement()) {
            for (String statement : statements.split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement.strip());
                }
            }
        }
    }

    static long directorySize(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        long[] size = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                size[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return size[0];
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
