package org.omnitill.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.demo.DemoStore;
import org.omnitill.core.hardware.SerialLink;
import org.omnitill.core.hardware.SerialSettings;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.receipt.ReceiptFormat;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.tender.Tender;

/**
 * Receipt printing figures (issue 5).
 *
 * <p><b>Size and wire time</b>: a typical receipt (10 lines of the demo catalog, cash, tax table,
 * receipt barcode, feedback QR code, cut) encoded for a 42-column CP858 printer with no logo, the
 * logo as a raster ({@code GS v 0}) and the logo in NV memory ({@code FS p}); the wire time is the
 * bytes' time on a 38,400 baud 8N1 line (10 bits a byte), computed, since a pseudo-terminal has no
 * baud rate of its own.
 *
 * <p><b>Sale done to first byte</b>: a demo till whose printer is {@code serial:} one end of a
 * socat pty pair at 38,400 baud, with a responder on the other end answering {@code DLE EOT} as a
 * ready printer. For each sale the clock starts when {@code SaleService.complete} has returned
 * (committed and synced to disk) and stops when the far end receives the first byte (the status
 * question) and the first byte of the receipt itself ({@code ESC @}); the receipt is queued with
 * {@code Peripherals.afterSale} as the till window does.
 *
 * <pre>java -cp benchmarks.jar org.omnitill.bench.ReceiptWireBench [SALES] [DIR]</pre>
 */
public final class ReceiptWireBench {

    static final int BAUD = 38_400;

    private ReceiptWireBench() {
    }

    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("omnitill-receipt-bench");
        run(sales, dir, System.out);
    }

    /** A typical receipt's sizes, then {@code sales} timed sales; returns the first-byte times (ms) of the receipts. */
    static List<Double> run(int sales, Path dir, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        Path near = dir.resolve("printer-near");
        Path far = dir.resolve("printer-far");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + near, "pty,raw,echo=0,link=" + far)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitSocat(socat);
            DataDirectory data = new DataDirectory(dir.resolve("till"));
            SettingsStore settings = new SettingsStore(data.settingsFile());
            settings.save(DemoStore.load().settings()
                    .withReceiptPrinter("serial:" + near + "?baud=" + BAUD + "&columns=42&codepage=CP858")
                    .withHardware(HardwareSettings.defaults().withCashDrawer("none")));
            try (Till till = Till.open(data, true, new PinHasher(1_000, new SecureRandom()));
                 Responder printer = new Responder(far)) {
                sizes(till, dir, out);
                return firstBytes(till, printer, sales, out);
            }
        } finally {
            socat.destroy();
        }
    }

    /** Returns once socat says both terminals exist; its further output is drained on a daemon thread. */
    private static void awaitSocat(Process socat) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            if (line.contains("starting data transfer loop")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // socat's log
                        }
                    } catch (IOException e) {
                        // socat ended
                    }
                }, "socat-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException("socat ended before its terminals were ready (is socat installed?)");
    }

    /** Ten lines: the first ten piece-priced products of the catalog, the third one twice. */
    static CompletedSale typicalSale(Till till) {
        Sale sale = till.sales().newSale(till.logins().activeStaff().get(0));
        List<Product> products = new ArrayList<>();
        for (String word : List.of("eggs", "tomatoes", "milk", "bread", "coffee", "rice", "pasta", "olive", "water", "yogurt",
                "cheese", "apple", "juice", "tea", "chocolate")) {
            till.store().session().search().search(word, 3).stream()
                    .map(hit -> till.store().session().catalog().findBySku(hit.sku()).orElseThrow())
                    .filter(p -> p.unit() == Unit.EACH && products.stream().noneMatch(q -> q.sku().equals(p.sku())))
                    .findFirst().ifPresent(products::add);
            if (products.size() == 10) {
                break;
            }
        }
        for (int i = 0; i < products.size(); i++) {
            sale.add(products.get(i), i == 2 ? new BigDecimal("2") : BigDecimal.ONE);
        }
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        return till.sales().complete(sale);
    }

    private static void sizes(Till till, Path dir, PrintStream out) {
        CompletedSale sale = typicalSale(till);
        ReceiptFormat base = till.printQueue().orElseThrow().format();
        out.printf(Locale.ROOT, "typical receipt: %d lines, 42 columns, CP858, tax table, barcode, QR code, cut%n",
                sale.lines().size());
        out.printf(Locale.ROOT, "%-22s %8s %14s%n", "logo", "bytes", "at 38,400 8N1");
        for (String logo : List.of("none", "raster", "nv")) {
            ReceiptFormat format = PrinterSpec.parse("file:x?columns=42&codepage=CP858&logo=" + logo).applyTo(base, dir);
            byte[] bytes = format.escPos(format.receiptOf(sale));
            out.printf(Locale.ROOT, "%-22s %8d %11.3f s%n", logo.equals("nv") ? "nv (FS p, stored once)"
                    : logo.equals("raster") ? "raster (GS v 0)" : "none", bytes.length, wireSeconds(bytes.length));
        }
        byte[] store = PrinterSpec.parse("file:x?logo=nv").logoImage(42, dir).nvDefineCommand();
        out.printf(Locale.ROOT, "%-22s %8d %11.3f s  (once, omnitill hardware store-logo)%n", "storing the NV logo",
                store.length, wireSeconds(store.length));
    }

    static double wireSeconds(int bytes) {
        return bytes * 10.0 / BAUD;
    }

    private static List<Double> firstBytes(Till till, Responder printer, int sales, PrintStream out) throws Exception {
        List<Double> anyByte = new ArrayList<>();
        List<Double> receiptByte = new ArrayList<>();
        org.omnitill.core.print.PrintQueue queue = till.printQueue().orElseThrow();
        for (int i = 0; i < sales + 5; i++) { // 5 warm-up sales
            CompletedSale sale = typicalSale(till);
            long done = System.nanoTime();
            printer.reset(done); // bytes from before (the last job's confirming status question) do not count
            java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
            Runnable stop = queue.addListener(status -> {
                if (status.ok() && status.jobsWaiting() == 0 && status.lastPrintedAt() != null) {
                    printed.countDown();
                }
            });
            long job = till.peripherals().afterSale(sale);
            long[] arrivals = printer.awaitReceipt();
            // the job is done (confirmed by the printer) before the next sale, so sales do not overlap
            while (queue.job(job).orElseThrow().status() != org.omnitill.core.print.PrintJob.Status.PRINTED) {
                printed.await(1, java.util.concurrent.TimeUnit.SECONDS);
            }
            stop.run();
            if (i >= 5) {
                anyByte.add((arrivals[0] - done) / 1e6);
                receiptByte.add((arrivals[1] - done) / 1e6);
            }
        }
        out.printf(Locale.ROOT, "sale done -> first byte on the wire (%d sales, serial pty at 38,400):%n", sales);
        out.println("  first byte (DLE EOT status question): " + summary(anyByte));
        out.println("  first receipt byte (ESC @):            " + summary(receiptByte));
        return receiptByte;
    }

    static String summary(List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms", percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The far end: answers status questions as a ready printer and notes when bytes arrive. */
    static final class Responder implements AutoCloseable {
        private final SerialLink link;
        private final Object lock = new Object();
        private long firstByte;
        private long firstReceiptByte;
        private byte[] recent = new byte[0];

        Responder(Path far) throws IOException {
            link = SerialLink.open(far.toString(), SerialSettings.DEFAULT);
            link.listen(this::received, () -> { });
        }

        private long notBefore;

        void reset(long from) {
            synchronized (lock) {
                notBefore = from;
                firstByte = 0;
                firstReceiptByte = 0;
                recent = new byte[0];
            }
        }

        private void received(byte[] data) {
            long now = System.nanoTime();
            boolean answer;
            synchronized (lock) {
                if (firstByte == 0 && now >= notBefore) {
                    firstByte = now;
                }
                byte[] all = Arrays.copyOf(recent, recent.length + data.length);
                System.arraycopy(data, 0, all, recent.length, data.length);
                recent = all.length > 64 ? Arrays.copyOfRange(all, all.length - 64, all.length) : all;
                if (firstReceiptByte == 0 && now >= notBefore) {
                    for (int i = 0; i + 1 < all.length; i++) {
                        if (all[i] == 0x1B && all[i + 1] == '@') {
                            firstReceiptByte = now;
                            lock.notifyAll();
                            break;
                        }
                    }
                }
                int n = all.length;
                answer = n >= 3 && all[n - 3] == 0x10 && all[n - 2] == 0x04;
            }
            if (answer) {
                try {
                    link.write(new byte[] {0x12}, Duration.ofSeconds(5));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        long[] awaitReceipt() throws InterruptedException {
            synchronized (lock) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (firstReceiptByte == 0 && System.nanoTime() < deadline) {
                    lock.wait(1_000);
                }
                if (firstReceiptByte == 0) {
                    throw new IllegalStateException("the receipt never reached the printer");
                }
                return new long[] {firstByte, firstReceiptByte};
            }
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
