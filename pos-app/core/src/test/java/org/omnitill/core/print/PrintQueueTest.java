package org.omnitill.core.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.DemoSales;
import org.omnitill.core.receipt.ReceiptFormat;
import org.omnitill.core.sale.CompletedSale;

class PrintQueueTest {

    @TempDir
    Path dir;
    private DemoSales demo;
    private ReceiptFormat format;
    private Path printerFolder;
    private Path printerFile;
    private final List<PrintQueue> queues = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        demo = new DemoSales(dir);
        format = new ReceiptFormat(demo.till.settings(), DemoSales.ENGLISH, DemoSales.MADRID, 42, CodePage.CP858, 19);
        printerFolder = dir.resolve("printer");
        printerFile = printerFolder.resolve("receipts.bin");
    }

    @AfterEach
    void close() throws Exception {
        queues.forEach(PrintQueue::close);
        demo.close();
    }

    private PrintQueue queue(PrinterConnection printer, RetryBackoff backoff) {
        PrintQueue queue = new PrintQueue(demo.till.store(), format, printer, Clock.fixed(DemoSales.NOW, ZoneOffset.UTC),
                backoff);
        queues.add(queue);
        return queue;
    }

    private PrintQueue fileQueue() {
        return queue(new FilePrinter(printerFile), RetryBackoff.DEFAULT);
    }

    private byte[] receiptBytes(CompletedSale sale) {
        return format.escPos(format.receiptOf(sale));
    }

    @Test
    void aJobWaitsWhileThePrinterFolderIsMissingAndPrintsOnceItExists() throws Exception {
        PrintQueue queue = fileQueue();
        CompletedSale sale = demo.simpleCashSale();

        long id = queue.enqueue(sale);
        PrintQueue.Drain failed = queue.drainOnce();

        assertThat(failed.failed()).isTrue();
        assertThat(failed.waiting()).isEqualTo(1);
        PrintJob waiting = queue.job(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(PrintJob.Status.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("does not exist").contains(printerFolder.toString());
        assertThat(waiting.kind()).isEqualTo(PrintJob.Kind.RECEIPT);
        assertThat(waiting.receiptNumber()).isEqualTo("T01-000001");
        assertThat(waiting.documentId()).isEqualTo(sale.id());
        assertThat(queue.status().ok()).isFalse();
        assertThat(queue.status().lastError()).isEqualTo(waiting.lastError());
        assertThat(queue.status().jobsWaiting()).isEqualTo(1);
        assertThat(Files.exists(printerFile)).isFalse();

        Files.createDirectories(printerFolder);
        PrintQueue.Drain printed = queue.drainOnce();

        assertThat(printed.printed()).isEqualTo(1);
        assertThat(printed.failed()).isFalse();
        assertThat(Files.readAllBytes(printerFile)).isEqualTo(receiptBytes(sale));
        PrintJob done = queue.job(id).orElseThrow();
        assertThat(done.status()).isEqualTo(PrintJob.Status.PRINTED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.printedAt()).isEqualTo(DemoSales.NOW);
        assertThat(queue.status()).isEqualTo(new PrinterStatus("file " + printerFile, true, PrinterCondition.UNKNOWN, null, null, 0, DemoSales.NOW));
        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void aJobWaitsWhileThePrinterPathCannotBeWritten() throws Exception {
        Files.createDirectories(printerFile); // a folder where the printer file should be
        PrintQueue queue = fileQueue();
        long id = queue.enqueue(demo.simpleCashSale());

        assertThat(queue.drainOnce().failed()).isTrue();
        assertThat(queue.job(id).orElseThrow().lastError()).startsWith("cannot write to " + printerFile);

        Files.delete(printerFile);
        assertThat(queue.drainOnce().printed()).isEqualTo(1);
        assertThat(queue.job(id).orElseThrow().status()).isEqualTo(PrintJob.Status.PRINTED);
    }

    @Test
    void jobsPrintInTheOrderTheyWereQueued() throws Exception {
        PrintQueue queue = fileQueue();
        CompletedSale first = demo.simpleCashSale();
        CompletedSale second = demo.simpleCashSale();
        queue.enqueue(first);
        queue.enqueue(UUID.randomUUID(), null, PrintJob.Kind.TEST, "test page\n".getBytes(StandardCharsets.US_ASCII));
        queue.enqueue(second);
        queue.drainOnce(); // the printer is not there yet

        Files.createDirectories(printerFolder);
        assertThat(queue.drainOnce().printed()).isEqualTo(3);

        byte[] expected = concat(receiptBytes(first), "test page\n".getBytes(StandardCharsets.US_ASCII), receiptBytes(second));
        assertThat(Files.readAllBytes(printerFile)).isEqualTo(expected);
    }

    @Test
    void aFailingJobHoldsBackTheOnesBehindIt() {
        List<String> sent = new ArrayList<>();
        int[] calls = {0};
        PrinterConnection flaky = new PrinterConnection() {
            @Override
            public void send(byte[] data) throws IOException {
                if (++calls[0] == 2) {
                    throw new IOException("out of paper");
                }
                sent.add(new String(data, StandardCharsets.US_ASCII));
            }

            @Override
            public String description() {
                return "flaky";
            }
        };
        PrintQueue queue = queue(flaky, RetryBackoff.DEFAULT);
        for (String text : List.of("A", "B", "C")) {
            queue.enqueue(null, text, PrintJob.Kind.TEST, text.getBytes(StandardCharsets.US_ASCII));
        }

        PrintQueue.Drain first = queue.drainOnce();
        assertThat(first).isEqualTo(new PrintQueue.Drain(1, 2, "out of paper"));
        assertThat(sent).containsExactly("A");
        assertThat(queue.waiting()).extracting(PrintJob::receiptNumber).containsExactly("B", "C");

        assertThat(queue.drainOnce().printed()).isEqualTo(2);
        assertThat(sent).containsExactly("A", "B", "C");
    }

    @Test
    void queuedJobsSurviveARestart() throws Exception {
        PrintQueue before = fileQueue();
        CompletedSale sale = demo.simpleCashSale();
        before.enqueue(sale);
        before.drainOnce();
        before.close();
        queues.clear();
        demo.close();

        demo = new DemoSales(dir);
        PrintQueue after = fileQueue();

        assertThat(after.status().jobsWaiting()).isEqualTo(1);
        assertThat(after.waiting()).singleElement().satisfies(job -> {
            assertThat(job.receiptNumber()).isEqualTo(sale.receiptNumber());
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.payload()).isEqualTo(receiptBytes(sale));
        });
        Files.createDirectories(printerFolder);
        assertThat(after.drainOnce().printed()).isEqualTo(1);
        assertThat(Files.readAllBytes(printerFile)).isEqualTo(receiptBytes(sale));
    }

    @Test
    void aReprintIsTheOriginalReceiptMarkedAsACopy() throws Exception {
        PrintQueue queue = fileQueue();
        CompletedSale sale = demo.simpleCashSale();
        Files.createDirectories(printerFolder);

        long id = queue.reprint(" T01-000001 ");

        PrintJob job = queue.job(id).orElseThrow();
        assertThat(job.kind()).isEqualTo(PrintJob.Kind.REPRINT);
        assertThat(job.receiptNumber()).isEqualTo("T01-000001");
        assertThat(job.documentId()).isEqualTo(sale.id());
        assertThat(job.payload()).isEqualTo(format.escPos(format.receiptOf(sale).asCopy()));
        assertThat(new String(job.payload(), StandardCharsets.ISO_8859_1)).contains("*** COPY ***");

        List<String> copy = new ArrayList<>(format.text(queue.copyOf("T01-000001").orElseThrow()).lines().toList());
        List<String> original = format.text(format.receiptOf(sale)).lines().toList();
        assertThat(copy.remove("               *** COPY ***")).isTrue();
        assertThat(copy).isEqualTo(original);

        assertThat(queue.drainOnce().printed()).isEqualTo(1);
        assertThatThrownBy(() -> queue.reprint("T01-999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no receipt T01-999999");
    }

    @Test
    void aDiscardedJobIsNeverPrinted() throws Exception {
        PrintQueue queue = fileQueue();
        long stuck = queue.enqueue(null, "X", PrintJob.Kind.TEST, new byte[] {'X'});
        queue.enqueue(null, "Y", PrintJob.Kind.TEST, new byte[] {'Y'});

        assertThat(queue.discard(stuck, "jammed, printed by hand")).isTrue();
        assertThat(queue.discard(stuck, "again")).isFalse();
        Files.createDirectories(printerFolder);
        queue.drainOnce();

        assertThat(Files.readAllBytes(printerFile)).containsExactly('Y');
        assertThat(queue.job(stuck).orElseThrow().status()).isEqualTo(PrintJob.Status.FAILED);
        assertThat(queue.job(stuck).orElseThrow().lastError()).isEqualTo("jammed, printed by hand");
    }

    // ---- the background worker -----------------------------------------------------------------

    /** Waits (with a timeout, no sleeping) for a status matching a condition. */
    private static final class StatusWatch {
        final List<PrinterStatus> seen = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch failed = new CountDownLatch(1);
        final CountDownLatch allPrinted = new CountDownLatch(1);

        void accept(PrinterStatus status) {
            seen.add(status);
            threads.add(Thread.currentThread());
            if (!status.ok()) {
                failed.countDown();
            } else if (status.jobsWaiting() == 0 && status.lastPrintedAt() != null) {
                allPrinted.countDown();
            }
        }
    }

    @Test
    void theWorkerRetriesInTheBackgroundUntilThePrinterIsBack() throws Exception {
        PrintQueue queue = queue(new FilePrinter(printerFile), new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)));
        StatusWatch watch = new StatusWatch();
        queue.addListener(watch::accept);
        queue.start();

        CompletedSale sale = demo.simpleCashSale();
        queue.enqueue(sale);
        assertThat(watch.failed.await(10, TimeUnit.SECONDS)).as("the failure is reported").isTrue();
        assertThat(queue.waiting()).hasSize(1);

        Files.createDirectories(printerFolder); // the printer comes back; no one asks to retry
        assertThat(watch.allPrinted.await(10, TimeUnit.SECONDS)).as("printed by a scheduled retry").isTrue();

        assertThat(Files.readAllBytes(printerFile)).isEqualTo(receiptBytes(sale));
        assertThat(queue.waiting()).isEmpty();
        Thread worker = watch.threads.get(watch.threads.size() - 1);
        assertThat(worker.getName()).isEqualTo("omnitill-print");
        assertThat(worker.isDaemon()).isTrue();
    }

    @Test
    void retryNowDoesNotWaitForTheBackoff() throws Exception {
        PrintQueue queue = queue(new FilePrinter(printerFile), new RetryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
        StatusWatch watch = new StatusWatch();
        queue.addListener(watch::accept);
        queue.start();
        queue.enqueue(demo.simpleCashSale());
        assertThat(watch.failed.await(10, TimeUnit.SECONDS)).isTrue();

        Files.createDirectories(printerFolder);
        queue.retryNow();

        assertThat(watch.allPrinted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNewJobIsTriedAtOnceEvenDuringABackoff() throws Exception {
        PrintQueue queue = queue(new FilePrinter(printerFile), new RetryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
        StatusWatch watch = new StatusWatch();
        queue.addListener(watch::accept);
        queue.start();
        queue.enqueue(demo.simpleCashSale());
        assertThat(watch.failed.await(10, TimeUnit.SECONDS)).isTrue();

        Files.createDirectories(printerFolder);
        queue.enqueue(demo.simpleCashSale());

        assertThat(watch.allPrinted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void jobsLeftFromBeforeArePrintedWhenTheWorkerStarts() throws Exception {
        Files.createDirectories(printerFolder);
        PrintQueue queue = fileQueue();
        queue.enqueue(demo.simpleCashSale()); // no worker yet
        StatusWatch watch = new StatusWatch();
        queue.addListener(watch::accept);

        queue.start();

        assertThat(watch.allPrinted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingDoesNotWaitForAPendingRetry() throws Exception {
        PrintQueue queue = queue(new FilePrinter(printerFile), new RetryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
        StatusWatch watch = new StatusWatch();
        queue.addListener(watch::accept);
        queue.start();
        queue.enqueue(demo.simpleCashSale());
        assertThat(watch.failed.await(10, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), queue::close);
        assertThat(queue.waiting()).as("the job stays for next time").hasSize(1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
