package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.money.Money;
import org.omnitill.core.print.PrintJob;
import org.omnitill.core.print.PrintQueue;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterStatus;
import org.omnitill.core.receipt.DemoSales;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.tender.Tender;

/** A whole till with a serial receipt printer and drawer, played by socat pty pairs. */
class TillHardwareTest {

    @TempDir
    Path dir;

    private Till open(String printer, String drawer) throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("till"));
        new DemoSales(data.root()).close();
        SettingsStore settings = new SettingsStore(data.settingsFile());
        settings.save(settings.load().withReceiptPrinter(printer)
                .withHardware(HardwareSettings.defaults().withCashDrawer(drawer)));
        return Till.open(data, true, new PinHasher(1_000, new SecureRandom()));
    }

    private static CompletedSale sellForCash(Till till) {
        Sale sale = till.sales().newSale(till.logins().activeStaff().get(0));
        sale.add(till.store().session().catalog().findByBarcode(DemoSales.EGGS).orElseThrow(), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(Money.of("5.00", "EUR")));
        return till.sales().complete(sale);
    }

    private static CountDownLatch when(PrintQueue queue, Predicate<PrinterStatus> condition) {
        CountDownLatch latch = new CountDownLatch(1);
        queue.addListener(status -> {
            if (condition.test(status)) {
                latch.countDown();
            }
        });
        return latch;
    }

    @Test
    void aStuckPrinterTimesOutTheSaleStaysDoneAndTheReceiptWaitsThenPrints() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             Till till = open("serial:" + pty.near + "?baud=38400&timeout=300", "printer")) {
            PrintQueue queue = till.printQueue().orElseThrow();
            CountDownLatch notAnswering = when(queue, s -> s.condition() == PrinterCondition.NOT_ANSWERING);

            CompletedSale sale = sellForCash(till);
            long job = till.peripherals().afterSale(sale);

            assertThat(notAnswering.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.status().ok()).isFalse();
            assertThat(queue.status().jobsWaiting()).isEqualTo(1);
            assertThat(queue.job(job).orElseThrow().status()).isEqualTo(PrintJob.Status.QUEUED);
            assertThat(till.store().session().sales().documentOf(sale.receiptNumber())).isPresent(); // the sale is recorded

            // someone switches the printer on
            try (FakeEscPosPrinter printer = new FakeEscPosPrinter(pty.far)) {
                CountDownLatch printed = when(queue, s -> s.ok() && s.jobsWaiting() == 0);
                queue.retryNow();
                assertThat(printed.await(20, TimeUnit.SECONDS)).isTrue();
                byte[] payload = queue.job(job).orElseThrow().payload();
                byte[] confirmed = SerialPrinterTest.concat(payload, EscPosStatus.PRINTER); // the job, then the question confirming it
                assertThat(printer.awaitBytes(bytes -> FakeEscPosPrinter.endsWith(bytes, confirmed)))
                        .satisfies(bytes -> assertThat(FakeEscPosPrinter.endsWith(bytes, confirmed)).isTrue());
                assertThat(queue.job(job).orElseThrow().status()).isEqualTo(PrintJob.Status.PRINTED);
                assertThat(queue.status().condition()).isEqualTo(PrinterCondition.READY);
            }
        }
    }

    @Test
    void aCashSaleKicksTheDrawerAndPrintsTheReceipt() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter printer = new FakeEscPosPrinter(pty.far);
             Till till = open("serial:" + pty.near + "?baud=38400", "printer?pin=2&on=100&off=200")) {
            PrintQueue queue = till.printQueue().orElseThrow();
            CountDownLatch printed = when(queue, s -> s.ok() && s.jobsWaiting() == 0 && s.lastPrintedAt() != null);

            long job = till.peripherals().afterSale(sellForCash(till));

            assertThat(printed.await(20, TimeUnit.SECONDS)).isTrue();
            byte[] payload = queue.job(job).orElseThrow().payload();
            byte[] kick = {0x1B, 'p', 0, 50, 100};
            byte[] got = printer.awaitBytes(bytes -> contains(bytes, kick) && contains(bytes, payload));
            assertThat(contains(got, kick)).as("drawer kick").isTrue();
            assertThat(contains(got, payload)).as("receipt").isTrue();
            assertThat(till.cashDrawer().description()).contains("pin 2");
        }
    }

    @Test
    void anIdlePrinterIsAskedHowItIsSoPaperOutShowsBeforeTheNextReceipt() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter printer = new FakeEscPosPrinter(pty.far);
             Till till = open("serial:" + pty.near + "?baud=38400", "none")) {
            PrintQueue queue = till.printQueue().orElseThrow();
            CountDownLatch paperOut = when(queue, s -> s.condition() == PrinterCondition.PAPER_OUT);
            CountDownLatch ready = when(queue, s -> s.condition() == PrinterCondition.READY);

            queue.startStatusChecks(java.time.Duration.ofMillis(50)); // the till does it every 15 s
            assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
            printer.paperOut();

            assertThat(paperOut.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.status().jobsWaiting()).isZero(); // no job was needed to find out
        }
    }

    @Test
    void theDrawerSwitchIsFollowedWhenThePrinterIsAsked() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter printer = new FakeEscPosPrinter(pty.far).ready(true);
             Till till = open("serial:" + pty.near + "?baud=38400", "printer?sense=high")) {
            java.util.concurrent.BlockingQueue<CashDrawer.State> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            till.peripherals().addDrawerListener(seen::add);

            till.printQueue().orElseThrow().checkPrinter();
            assertThat(seen.poll(20, TimeUnit.SECONDS)).isEqualTo(CashDrawer.State.OPEN);

            printer.ready(false); // closed
            till.printQueue().orElseThrow().checkPrinter();
            assertThat(seen.poll(20, TimeUnit.SECONDS)).isEqualTo(CashDrawer.State.CLOSED);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
