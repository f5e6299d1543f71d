package org.omnitill.core.crash;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.journal.JournalVerifier;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.sale.SaleService;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

/**
 * Crash-safety harness: proves that a sale the till has reported done survives the till process
 * being killed at any moment.
 *
 * <p>It has two roles. The <em>child</em> ({@code CrashHarness child DATA-DIR SEED}) opens the demo
 * till on a data directory and completes random sales forever, printing {@code ACK <receipt>
 * <total> <sale id>} on its standard output only after {@link SaleService#complete} has returned:
 * that line is the till saying "done". The <em>parent</em> ({@code CrashHarness run --cycles N
 * --data-dir DIR ...}) starts the child in a new JVM (same {@code java}, same class path), reads its
 * acknowledgements, kills it with SIGKILL a random time after its first sale, waits for it to die,
 * reopens the till in its own process and checks that every acknowledged sale is there with the
 * same total and sale id and that the journal verifies. Repeat for every cycle.
 *
 * <p>The kill is {@link ProcessHandle#destroyForcibly()}, SIGKILL on Linux and macOS; the parent checks
 * it by the child's exit status, which must be 137 (128 + signal 9), and counts any other ending as a
 * problem. {@link Process#destroyForcibly()} sends the same signal but also closes the parent's end
 * of the child's standard output, which would throw away acknowledgements still in the pipe.
 * This simulates a process crash (the operating system survives, with its page cache); it does not
 * simulate a power cut.
 */
public final class CrashHarness {

    /** Demo products sold by the piece: eggs, tomatoes, strawberries, avocados, lettuce (10 % VAT), cola (21 %). */
    static final List<String> BARCODES = List.of("8414850557430", "8438438405715", "8438438726490", "8438438738486",
            "8471933783049", "5036055548308");

    static final int SIGKILL_EXIT_STATUS = 128 + 9;

    private static final Pattern ACK = Pattern.compile("ACK (\\S+) (-?\\d+(?:\\.\\d+)?) (\\S+)");
    private static final int PIN_ITERATIONS = 1_000;

    private CrashHarness() {
    }

    /** How to run a session. */
    public record Options(int cycles, Path dataDir, long seed, long minKillMs, long maxKillMs, Duration startTimeout) {
        public Options {
            if (cycles < 1) {
                throw new IllegalArgumentException("--cycles must be at least 1");
            }
            if (minKillMs < 0 || maxKillMs < minKillMs) {
                throw new IllegalArgumentException("need 0 <= --min-ms <= --max-ms");
            }
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        public Options(int cycles, Path dataDir, long seed, long minKillMs, long maxKillMs) {
            this(cycles, dataDir, seed, minKillMs, maxKillMs, Duration.ofSeconds(120));
        }
    }

    /**
     * What a session found.
     *
     * @param acknowledged               sales the child reported done (ACK lines) before it was killed
     * @param unacknowledgedButCommitted sales found in the store that the child completed but was
     *                                   killed before it could acknowledge them (allowed)
     * @param lost                       acknowledged sales missing after the restart, or present with
     *                                   another total or sale id (must be 0)
     * @param journalIntact              every reopen found a journal that verifies
     * @param killedBySigkill            cycles whose child ended with exit status 137
     * @param childAlive                 summed time from starting each child to killing it
     * @param childSelling               summed time from each child's first acknowledgement to its kill
     */
    public record Result(int cycles, long acknowledged, long unacknowledgedButCommitted, long lost,
                         boolean journalIntact, long journalEntries, int killedBySigkill, Duration wallTime,
                         Duration childAlive, Duration childSelling, List<String> problems) {

        public boolean ok() {
            return lost == 0 && journalIntact && problems.isEmpty();
        }

        /** Acknowledged sales per second of child life, JVM start-up included. */
        public double salesPerSecondAlive() {
            return rate(childAlive);
        }

        /** Acknowledged sales per second once the child was selling (from its first acknowledgement). */
        public double salesPerSecondSelling() {
            return rate(childSelling);
        }

        private double rate(Duration time) {
            return time.isZero() ? 0 : acknowledged / (time.toNanos() / 1e9);
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "cycles=%d acknowledged=%d unacknowledged_but_committed=%d lost=%d journal=%s journal_entries=%d "
                            + "sigkilled=%d/%d wall=%.1fs sales_per_s_alive=%.1f sales_per_s_selling=%.1f problems=%d",
                    cycles, acknowledged, unacknowledgedButCommitted, lost, journalIntact ? "intact" : "BROKEN",
                    journalEntries, killedBySigkill, cycles, wallTime.toMillis() / 1000.0, salesPerSecondAlive(),
                    salesPerSecondSelling(), problems.size());
        }
    }

    /** One acknowledgement read from the child. */
    record Ack(String receiptNumber, BigDecimal total, String saleId) {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(CrashHarness.class).error("crash harness failed", e);
            System.err.println("crash harness failed: " + e);
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(Path.of(args[1]), Long.parseLong(args[2]));
            return 1; // child() only returns on failure
        }
        if (args.length >= 1 && args[0].equals("run")) {
            Options options;
            try {
                options = parse(args);
            } catch (IllegalArgumentException e) {
                err.println("crash harness: " + e.getMessage());
                err.println(usage());
                return 2;
            }
            Result result = run(options, out);
            out.println(result.summary());
            result.problems().forEach(p -> err.println("problem: " + p));
            return result.ok() ? 0 : 1;
        }
        err.println(usage());
        return 2;
    }

    static String usage() {
        return "usage: CrashHarness run --cycles N --data-dir DIR [--seed S] [--min-ms A --max-ms B]\n"
                + "       CrashHarness child DATA-DIR SEED   (started by run)";
    }

    static Options parse(String[] args) {
        Integer cycles = null;
        Path dir = null;
        long seed = System.nanoTime();
        long min = 200;
        long max = 2_000;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--cycles" -> cycles = Integer.parseInt(value);
                    case "--data-dir" -> dir = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--min-ms" -> min = Long.parseLong(value);
                    case "--max-ms" -> max = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
            }
        }
        if (cycles == null || dir == null) {
            throw new IllegalArgumentException("--cycles and --data-dir are required");
        }
        return new Options(cycles, dir, seed, min, max);
    }

    private static PinHasher cheapHasher() {
        return new PinHasher(PIN_ITERATIONS, new SecureRandom());
    }

    // ---- parent --------------------------------------------------------------------------------

    /** Runs a session: {@code options.cycles()} start-sell-kill-check cycles. Progress goes to {@code progress}. */
    public static Result run(Options options, PrintStream progress) throws IOException, InterruptedException {
        long wallStart = System.nanoTime();
        DataDirectory dir = new DataDirectory(options.dataDir());
        Files.createDirectories(dir.logs());
        Path childLog = dir.logs().resolve("crash-harness-child.log");
        Random random = new Random(options.seed());
        List<String> problems = new ArrayList<>();
        List<Ack> allAcks = new ArrayList<>();
        Set<String> lost = new LinkedHashSet<>();
        long unacknowledged = 0;
        boolean journalIntact = true;
        int sigkilled = 0;
        long aliveNanos = 0;
        long sellingNanos = 0;
        int cyclesRun = 0;

        // first open: seeds the demo store if the directory is new, and gives the starting point
        Check before = check(dir, List.of(), lost);
        long salesBefore = before.sales();
        journalIntact &= before.journalIntact();
        long journalEntries = before.journalEntries();
        problems.addAll(before.problems());
        progress.printf("crash harness: %d cycles on %s, seed %d, kill %d-%d ms after the first sale; %d sales there already%n",
                options.cycles(), dir.root(), options.seed(), options.minKillMs(), options.maxKillMs(), salesBefore);

        for (int cycle = 1; cycle <= options.cycles() && problems.isEmpty(); cycle++) {
            cyclesRun = cycle;
            long childSeed = random.nextLong();
            long killAfter = options.minKillMs() + (long) (random.nextDouble() * (options.maxKillMs() - options.minKillMs() + 1));
            Process child = new ProcessBuilder(javaCommand(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    CrashHarness.class.getName(), "child", dir.root().toString(), Long.toString(childSeed))
                    .redirectError(ProcessBuilder.Redirect.appendTo(childLog.toFile()))
                    .start();
            long started = System.nanoTime();
            AckReader reader = new AckReader(child.getInputStream());
            Thread readerThread = Thread.ofPlatform().daemon().name("crash-harness-acks-" + cycle).start(reader);
            try {
                CompletableFuture.anyOf(reader.firstAck, child.onExit())
                        .get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // handled below: no first acknowledgement
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            long killedAt;
            if (!reader.firstAck.isDone()) {
                problems.add("cycle " + cycle + ": the child " + (child.isAlive() ? "made no sale within "
                        + options.startTimeout().toSeconds() + " s" : "exited with status " + child.exitValue()
                        + " before its first sale") + "; see " + childLog);
                child.toHandle().destroyForcibly();
                killedAt = System.nanoTime();
            } else {
                long firstAck = reader.firstAck.join();
                if (child.waitFor(killAfter, TimeUnit.MILLISECONDS)) {
                    problems.add("cycle " + cycle + ": the child exited on its own with status " + child.exitValue()
                            + "; see " + childLog);
                } else {
                    // SIGKILL, checked by the exit status below. Not child.destroyForcibly(): Process.destroy*
                    // also closes our end of the child's stdout, dropping ACK lines not yet read
                    child.toHandle().destroyForcibly();
                }
                killedAt = System.nanoTime();
                sellingNanos += killedAt - firstAck;
            }
            aliveNanos += killedAt - started;
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("cycle " + cycle + ": the child did not die within 60 s of SIGKILL");
            }
            if (child.exitValue() == SIGKILL_EXIT_STATUS) {
                sigkilled++;
            } else if (problems.isEmpty()) {
                problems.add("cycle " + cycle + ": the child ended with status " + child.exitValue()
                        + ", not " + SIGKILL_EXIT_STATUS + " (SIGKILL)");
            }
            readerThread.join(Duration.ofSeconds(30)); // the pipe ends with the child: every ACK written is read
            child.getOutputStream().close();
            if (readerThread.isAlive() || reader.failure != null) {
                problems.add("cycle " + cycle + ": reading the child's acknowledgements "
                        + (reader.failure != null ? "failed: " + reader.failure : "did not end"));
            }
            List<Ack> acks = reader.acks();
            allAcks.addAll(acks);

            Check after = check(dir, acks, lost);
            long committed = after.sales() - salesBefore;
            long found = acks.size() - after.lostNow();
            long extra = committed - found;
            if (extra < 0 || extra > 1) {
                problems.add("cycle " + cycle + ": " + committed + " new sales in the store for " + acks.size()
                        + " acknowledged (" + after.lostNow() + " lost); at most one unacknowledged sale is expected");
            }
            unacknowledged += Math.max(0, extra);
            salesBefore = after.sales();
            journalIntact &= after.journalIntact();
            journalEntries = after.journalEntries();
            problems.addAll(after.problems());
            progress.printf("cycle %d/%d: %d acknowledged, %d committed unacknowledged, %s (status %d), "
                            + "%d lost so far, journal %s (%d entries)%s%n",
                    cycle, options.cycles(), acks.size(), Math.max(0, extra),
                    reader.firstAck.isDone() ? "killed " + killAfter + " ms after the first sale" : "no sale made",
                    child.exitValue(), lost.size(),
                    after.journalIntact() ? "intact" : "BROKEN", after.journalEntries(),
                    reader.partial ? ", a partial ACK line was ignored" : "");
        }

        // last, every acknowledgement of the session again: a later crash must not have taken back an earlier sale
        Check last = check(dir, allAcks, lost);
        journalIntact &= last.journalIntact();
        journalEntries = last.journalEntries();
        problems.addAll(last.problems());
        Set<String> receipts = new LinkedHashSet<>();
        for (Ack ack : allAcks) {
            if (!receipts.add(ack.receiptNumber())) {
                lost.add(ack.receiptNumber());
                problems.add("receipt " + ack.receiptNumber() + " was acknowledged twice: a sale was taken back and its number reused");
            }
        }
        return new Result(cyclesRun, allAcks.size(), unacknowledged, lost.size(), journalIntact, journalEntries, sigkilled,
                Duration.ofNanos(System.nanoTime() - wallStart), Duration.ofNanos(aliveNanos),
                Duration.ofNanos(sellingNanos), List.copyOf(problems));
    }

    private record Check(long sales, long lostNow, boolean journalIntact, long journalEntries, List<String> problems) {
    }

    /** Reopens the till and checks {@code acks} against it; missing or different sales go into {@code lost}. */
    private static Check check(DataDirectory dir, List<Ack> acks, Set<String> lost) throws IOException {
        List<String> problems = new ArrayList<>();
        long lostNow = 0;
        try (Till till = Till.open(dir, true, cheapHasher())) {
            SaleRepository sales = till.store().session().sales();
            for (Ack ack : acks) {
                String why = verify(till, sales, ack);
                if (why != null) {
                    lostNow++;
                    if (lost.add(ack.receiptNumber())) {
                        problems.add("LOST: acknowledged sale " + ack.receiptNumber() + " " + why);
                    }
                }
            }
            JournalVerifier.Report report = JournalVerifier.verify(till.store().session().journal());
            report.problems().stream().limit(20).forEach(p -> problems.add("journal: " + p));
            return new Check(sales.count(), lostNow, report.isIntact(), report.entries(), problems);
        }
    }

    private static String verify(Till till, SaleRepository sales, Ack ack) {
        Optional<SaleRepository.SoldReceipt> receipt = till.sales().findReceipt(ack.receiptNumber());
        if (receipt.isEmpty()) {
            return "is missing";
        }
        if (!receipt.get().saleId().toString().equals(ack.saleId())) {
            return "now belongs to another sale (" + receipt.get().saleId() + ", acknowledged " + ack.saleId() + ")";
        }
        Map<String, Object> document = CanonicalJson.read(sales.documentOf(ack.receiptNumber()).orElseThrow());
        BigDecimal total = new BigDecimal(String.valueOf(document.get("total")));
        if (total.compareTo(ack.total()) != 0) {
            return "has total " + total.toPlainString() + ", acknowledged " + ack.total().toPlainString();
        }
        return null;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Reads the child's standard output. Only complete lines count: a line cut off by the kill has
     * no newline and is ignored (its sale, if committed, shows up as unacknowledged).
     */
    static final class AckReader implements Runnable {
        final CompletableFuture<Long> firstAck = new CompletableFuture<>();
        private final InputStream in;
        private final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        volatile boolean partial;
        volatile IOException failure;

        AckReader(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            accept(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
            } catch (IOException e) {
                failure = e; // the stream should only ever end, never fail: reported as a problem
            }
            partial = line.size() > 0;
        }

        private void accept(String text) {
            Matcher m = ACK.matcher(text.strip());
            if (m.matches()) {
                acks.add(new Ack(m.group(1), new BigDecimal(m.group(2)), m.group(3)));
                firstAck.complete(System.nanoTime());
            }
        }

        List<Ack> acks() {
            synchronized (acks) {
                return List.copyOf(acks);
            }
        }
    }

    // ---- child ---------------------------------------------------------------------------------

    /** Sells until killed. Acknowledgements go to the real standard output, everything else to stderr. */
    static void child(Path dataDir, long seed) throws IOException {
        PrintStream acks = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 512),
                false, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing a library prints can land among the acknowledgements
        exitWhenParentGoes();
        try (Till till = Till.open(new DataDirectory(dataDir), true, cheapHasher())) {
            Random random = new Random(seed);
            StaffMember cashier = till.logins().activeStaff().get(0);
            List<Product> products = new ArrayList<>();
            for (String barcode : BARCODES) {
                products.add(till.store().session().catalog().findByBarcode(barcode)
                        .orElseThrow(() -> new IllegalStateException("demo product " + barcode + " is missing")));
            }
            Currency currency = till.settings().currencyUnit();
            while (true) {
                Sale sale = ringUp(till.sales(), cashier, products, currency, random);
                CompletedSale done = till.sales().complete(sale);
                // only now is the sale done: acknowledge it
                acks.print("ACK " + done.receiptNumber() + " " + done.totals().total().amount().toPlainString()
                        + " " + done.id() + "\n");
                acks.flush();
                if (acks.checkError()) {
                    return; // the parent is gone
                }
            }
        }
    }

    /** Without the parent (its end of our stdin closes), there is no one to kill us: stop. */
    private static void exitWhenParentGoes() {
        Thread.ofPlatform().daemon().name("crash-harness-parent-watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; wait for the end
                }
            } catch (IOException e) {
                // treated as the end
            }
            Runtime.getRuntime().halt(3);
        });
    }

    /** A random sale of 1 to 5 different demo products, paid in cash or part card, part cash. */
    static Sale ringUp(SaleService sales, StaffMember cashier, List<Product> products, Currency currency, Random random) {
        Sale sale = sales.newSale(cashier);
        List<Product> shuffled = new ArrayList<>(products);
        Collections.shuffle(shuffled, random);
        int lines = 1 + random.nextInt(Math.min(5, shuffled.size()));
        for (int i = 0; i < lines; i++) {
            sale.add(shuffled.get(i), BigDecimal.valueOf(1 + random.nextInt(3)));
        }
        BigDecimal byCardMax = sale.payment().remainingByCard().amount();
        if (random.nextInt(4) == 0 && byCardMax.compareTo(new BigDecimal("2.00")) >= 0) {
            // leave at least 1.00 for cash, so cash rounding can never bring the cash part to zero
            BigDecimal byCard = byCardMax.subtract(BigDecimal.ONE)
                    .multiply(BigDecimal.valueOf(10 + random.nextInt(91)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN)
                    .max(new BigDecimal("0.01"));
            sale.addTender(new Tender.Card(Money.of(byCard, currency), "VISA", "4242",
                    "TRM-" + random.nextInt(100_000), "A" + random.nextInt(100_000)));
        }
        Money due = sale.payment().remaining();
        Money cash = due;
        if (random.nextBoolean()) { // a note: round up to the next 10
            BigDecimal ten = BigDecimal.TEN;
            cash = Money.of(due.amount().divide(ten, 0, RoundingMode.CEILING).multiply(ten).max(ten), currency);
        }
        sale.addTender(new Tender.Cash(cash));
        return sale;
    }
}
