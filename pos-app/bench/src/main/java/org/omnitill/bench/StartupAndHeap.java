package org.omnitill.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

/**
 * Heap and start-up with a large catalog.
 *
 * <p><b>Heap</b>: opens the till on the prepared catalog (default 1,000,000 products), works it as a
 * till would (lookups, searches, a few sales), then reports the heap in use after a full GC. Run it
 * with {@code -Xmx256m}: finishing at all shows the till fits in 256 MB; the figure shows how much of
 * it is left.
 *
 * <p><b>Start-up</b>: times {@code Till.open} (lock, settings, H2 open, Flyway validation, tax rates,
 * services) on that store and on the 324-product demo store, each in fresh JVMs (a cold start,
 * and the JVM's own start-up up to the till being open), then both again repeatedly in this JVM
 * (warm), alternating, so the two differ only by catalog size.
 *
 * <pre>java -Xmx256m -cp benchmarks.jar org.omnitill.bench.StartupAndHeap [PRODUCTS]</pre>
 */
public final class StartupAndHeap {

    private static final int COLD_RUNS = 3;
    private static final int WARM_RUNS = 5;

    private StartupAndHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("open-once")) {
            openOnce(Path.of(args[1]));
            return;
        }
        int products = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : BenchFixture.DEFAULT_PRODUCTS;
        Path base = BenchFixture.baseDirectory();
        BenchFixture.Prepared prepared = BenchFixture.prepare(products, base, System.out);
        DataDirectory demo = demoStore(base);
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        heap(prepared);
        coldStarts(prepared.tillDirectory(), demo, products);
        warmStarts(prepared.tillDirectory(), demo, products);
    }

    private static void heap(BenchFixture.Prepared prepared) throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        try (Till till = BenchFixture.open(prepared.tillDirectory())) {
            double openMs = (System.nanoTime() - start) / 1e6;
            StaffMember cashier = BenchFixture.cashier(till);
            int lookups = 0;
            for (String barcode : BenchFixture.randomBarcodes(prepared.products(), 500, 7)) {
                if (till.store().session().catalog().findByBarcode(barcode).isPresent()) {
                    lookups++;
                }
            }
            List<String> queries = BenchFixture.randomQueries(till, prepared.products(), 100, 8);
            long hits = 0;
            for (String query : queries) {
                hits += till.store().session().search().search(query, 20).size();
            }
            List<Product> shelf = BenchFixture.randomProducts(till, prepared.products(), 100, 9);
            int sales = 0;
            for (int i = 0; i < 20; i++) {
                Sale sale = till.sales().newSale(cashier);
                for (int line = 0; line < 5; line++) {
                    Product product = shelf.get((i * 5 + line) % shelf.size());
                    sale.add(product, product.unit() == Unit.KG ? new BigDecimal("0.750") : BigDecimal.ONE);
                }
                sale.addTender(new Tender.Cash(sale.payment().remaining()));
                till.sales().complete(sale);
                sales++;
            }
            long productCount = till.store().session().catalog().productCount();
            MemoryUsage before = memory.getHeapMemoryUsage();
            System.gc();
            System.gc();
            MemoryUsage after = memory.getHeapMemoryUsage();
            MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
            System.out.printf(Locale.ROOT, "HEAP products=%d open_ms=%.0f lookups=%d searches=%d hits=%d sales=%d%n",
                    productCount, openMs, lookups, queries.size(), hits, sales);
            System.out.printf(Locale.ROOT, "HEAP used_before_gc_mb=%.1f used_after_gc_mb=%.1f committed_mb=%.1f max_mb=%.1f"
                            + " non_heap_used_mb=%.1f%n",
                    mb(before.getUsed()), mb(after.getUsed()), mb(after.getCommitted()), mb(after.getMax()),
                    mb(nonHeap.getUsed()));
        }
    }

    private static void coldStarts(DataDirectory large, DataDirectory demo, int products) throws Exception {
        double[] largeMs = new double[COLD_RUNS];
        double[] demoMs = new double[COLD_RUNS];
        double[] largeJvmMs = new double[COLD_RUNS];
        double[] demoJvmMs = new double[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            double[] l = openInChild(large);
            double[] d = openInChild(demo);
            largeMs[i] = l[0];
            largeJvmMs[i] = l[1];
            demoMs[i] = d[0];
            demoJvmMs[i] = d[1];
        }
        report("STARTUP cold Till.open", products, largeMs, demoMs);
        report("STARTUP cold JVM start to till open", products, largeJvmMs, demoJvmMs);
    }

    private static void warmStarts(DataDirectory large, DataDirectory demo, int products) throws IOException {
        double[] largeMs = new double[WARM_RUNS];
        double[] demoMs = new double[WARM_RUNS];
        openAndClose(demo); // class loading and the first JIT out of the way
        openAndClose(large);
        for (int i = 0; i < WARM_RUNS; i++) {
            largeMs[i] = openAndClose(large);
            demoMs[i] = openAndClose(demo);
        }
        report("STARTUP warm Till.open", products, largeMs, demoMs);
    }

    private static void report(String what, int products, double[] largeMs, double[] demoMs) {
        System.out.printf(Locale.ROOT, "%s: %d products median %.0f ms (all %s); demo (324) median %.0f ms (all %s)%n",
                what, products, median(largeMs), list(largeMs), median(demoMs), list(demoMs));
    }

    private static double openAndClose(DataDirectory dir) throws IOException {
        long start = System.nanoTime();
        Till till = BenchFixture.open(dir);
        double ms = (System.nanoTime() - start) / 1e6;
        till.close();
        return ms;
    }

    /** Child JVM: opens the till once and prints the open time and the JVM uptime at that moment. */
    private static void openOnce(Path dir) throws IOException {
        long start = System.nanoTime();
        try (Till till = BenchFixture.open(new DataDirectory(dir))) {
            double ms = (System.nanoTime() - start) / 1e6;
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.printf(Locale.ROOT, "OPEN %.1f %d%n", ms, uptime);
        }
    }

    private static double[] openInChild(DataDirectory dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupAndHeap.class.getName(),
                "open-once", dir.root().toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                if (line.startsWith("OPEN ")) {
                    result = line;
                }
            }
        }
        if (child.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the child JVM failed: " + String.join("\n", output));
        }
        String[] parts = result.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /** The demo store (324 products) in the cache directory, seeded on first use. */
    static DataDirectory demoStore(Path base) throws IOException {
        DataDirectory demo = new DataDirectory(base.resolve("till-demo"));
        if (!Files.exists(demo.settingsFile())) {
            try (Till till = Till.open(demo, true, new PinHasher(1_000, new SecureRandom()))) {
                System.out.printf("demo store seeded in %s (%d products)%n", demo.root(),
                        till.store().session().catalog().productCount());
            }
        }
        return demo;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String list(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.0f", v));
        }
        return text.toString();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
