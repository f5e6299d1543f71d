package org.omnitill.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.CatalogCsv;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.ImportProgress;
import org.omnitill.core.catalog.ImportResult;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.config.DataDirectory;

/**
 * Diagnostic for the catalog import: where its time and its database size go. Each variant
 * imports the same generated catalog into a fresh data directory and prints one line with the wall
 * time of its phases and the size of the database file, before and after an H2 {@code SHUTDOWN COMPACT}.
 * Only public engine API is used; the variants that change H2 settings or indexes do it through a
 * second JDBC connection to the same (in-process) database. Nothing here is how the till imports;
 * it shows what would change the figure.
 *
 * <pre>java -cp benchmarks.jar org.omnitill.bench.ImportProbe PRODUCTS VARIANT...</pre>
 *
 * <ul>
 *   <li>{@code importer}: {@link CatalogImporter} as {@code omnitill import-catalog} runs it; into the probe's empty
 *       catalog that is the fresh load (ADR 0012): {@code read+write} is both readings of the file and the rows,
 *       {@code commit+sync} building the keys back and the final sync</li>
 *   <li>{@code importer-cache256}: the same with H2's page cache at 256 MB instead of its default 16 MB</li>
 *   <li>{@code validate-only}: only reading and checking the file ({@link CatalogCsv}), no writes</li>
 *   <li>{@code batch-commit}: the file checked first, then the same {@code upsertAll} batches each committed
 *       on its own ({@code WRITE_DELAY 1000} meanwhile, one {@code CHECKPOINT SYNC} at the end)</li>
 *   <li>{@code batch-commit-late-word-index}: as {@code batch-commit}, with the word index's secondary index
 *       dropped during the load and built after it</li>
 * </ul>
 */
public final class ImportProbe {

    private ImportProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ImportProbe PRODUCTS VARIANT... (importer, importer-cache256, validate-only, batch-commit, "
                    + "batch-commit-late-word-index)");
            System.exit(2);
        }
        int products = Integer.parseInt(args[0].replace("_", ""));
        Path base = BenchFixture.baseDirectory().resolve("probe");
        Files.createDirectories(base);
        Path csv = BenchFixture.baseDirectory().resolve("catalog-" + products + ".csv");
        if (!Files.exists(csv)) {
            CatalogGenerator.write(csv, products, CatalogGenerator.DEFAULT_SEED);
        }
        for (int i = 1; i < args.length; i++) {
            run(args[i], csv, base.resolve(args[i] + "-" + products));
        }
    }

    private static void run(String variant, Path csv, Path dir) throws Exception {
        BenchFixture.deleteRecursively(dir);
        DataDirectory data = new DataDirectory(dir);
        long start = System.nanoTime();
        String phases;
        try (Till till = BenchFixture.open(data)) {
            phases = switch (variant) {
                case "importer" -> importer(till, csv);
                case "importer-cache256" -> {
                    try (Connection side = connect(data); Statement sql = side.createStatement()) {
                        sql.execute("SET CACHE_SIZE 262144");
                        String phases256 = importer(till, csv);
                        sql.execute("SET CACHE_SIZE 16384"); // back to H2's default before closing
                        yield phases256;
                    }
                }
                case "validate-only" -> validateOnly(till, csv);
                case "batch-commit" -> batchCommit(till, csv, data, false);
                case "batch-commit-late-word-index" -> batchCommit(till, csv, data, true);
                default -> throw new IllegalArgumentException("unknown variant " + variant);
            };
        }
        double total = seconds(start);
        long size = BenchFixture.directorySize(data.database());
        long compactStart = System.nanoTime();
        try (Connection c = connect(data); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        double compact = seconds(compactStart);
        long compacted = BenchFixture.directorySize(data.database());
        System.out.printf(Locale.ROOT, "PROBE %s: %s total=%.1fs db=%.0fMB; SHUTDOWN COMPACT %.1fs -> db=%.0fMB%n",
                variant, phases, total, size / 1e6, compact, compacted / 1e6);
        BenchFixture.deleteRecursively(dir);
    }

    private static String importer(Till till, Path csv) {
        long start = System.nanoTime();
        long[] committing = {0};
        ImportResult result = new CatalogImporter(till.store(), till.settings()).importFile(csv, (phase, read, written) -> {
            if (phase == ImportProgress.Phase.COMMITTING) {
                committing[0] = System.nanoTime();
            }
        });
        check(result.succeeded(), "import failed: " + result.errors().stream().limit(5).toList());
        return String.format(Locale.ROOT, "read+write=%.1fs commit+sync=%.1fs", (committing[0] - start) / 1e9,
                seconds(committing[0]));
    }

    private static String validateOnly(Till till, Path csv) throws IOException {
        long start = System.nanoTime();
        CatalogCsv.Result result = read(till, csv, row -> { });
        check(result.isClean(), "bad file");
        return String.format(Locale.ROOT, "validate=%.1fs rows=%d", seconds(start), result.rows());
    }

    private static String batchCommit(Till till, Path csv, DataDirectory data, boolean lateIndex) throws Exception {
        long start = System.nanoTime();
        CatalogCsv.Result checked = read(till, csv, row -> { });
        check(checked.isClean(), "bad file");
        double validate = seconds(start);
        long writeStart = System.nanoTime();
        try (Connection side = connect(data); Statement sql = side.createStatement()) {
            sql.execute("SET WRITE_DELAY 1000");
            if (lateIndex) {
                sql.execute("DROP INDEX product_word_word_idx");
            }
            List<CatalogRow> batch = new ArrayList<>(CatalogImporter.BATCH_SIZE);
            read(till, csv, row -> {
                batch.add(row);
                if (batch.size() == CatalogImporter.BATCH_SIZE) {
                    till.store().transactionVoid(session -> session.catalog().upsertAll(batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                till.store().transactionVoid(session -> session.catalog().upsertAll(batch));
            }
            double write = seconds(writeStart);
            long indexStart = System.nanoTime();
            if (lateIndex) {
                sql.execute("CREATE INDEX product_word_word_idx ON product_word (word, id)");
            }
            double index = seconds(indexStart);
            long syncStart = System.nanoTime();
            sql.execute("SET WRITE_DELAY 0");
            till.store().syncToDisk();
            return String.format(Locale.ROOT, "validate=%.1fs write=%.1fs index=%.1fs sync=%.1fs", validate, write,
                    index, seconds(syncStart));
        }
    }

    private static CatalogCsv.Result read(Till till, Path csv, java.util.function.Consumer<CatalogRow> rows)
            throws IOException {
        CatalogCsv format = new CatalogCsv(till.settings().taxRates().stream().map(TaxRate::code)
                .collect(Collectors.toSet()), till.settings().currencyUnit().getDefaultFractionDigits());
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return format.read(in, rows);
        }
    }

    /** A second connection to the till's database; inside the same JVM it is the same open database. */
    private static Connection connect(DataDirectory data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.database().resolve("till").toAbsolutePath(), "sa", "");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
