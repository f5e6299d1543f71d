package org.omnitill.core.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.money.Money;
import org.omnitill.core.receipt.DemoSales;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.tender.Tender;

class TillPrintQueueTest {

    @TempDir
    Path dir;

    private Till openWithPrinter(String printer) throws Exception {
        DataDirectory data = new DataDirectory(dir);
        new DemoSales(dir).close(); // seeds the demo store and its settings once
        SettingsStore settings = new SettingsStore(data.settingsFile());
        settings.save(settings.load().withReceiptPrinter(printer));
        return Till.open(data, true, new PinHasher(1_000, new SecureRandom()));
    }

    private static CompletedSale sell(Till till) {
        Sale sale = till.sales().newSale(till.logins().activeStaff().get(0));
        sale.add(till.store().session().catalog().findByBarcode(DemoSales.EGGS).orElseThrow(), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(Money.of("5.00", "EUR")));
        return till.sales().complete(sale);
    }

    @Test
    void aTillWithoutAPrinterHasNoQueue() throws Exception {
        // a till never configured has no receipt printer (the demo store prints to file:receipts.bin)
        try (Till till = Till.open(new org.omnitill.core.config.DataDirectory(dir), false,
                new org.omnitill.core.staff.PinHasher(1_000, new java.security.SecureRandom()))) {
            assertThat(till.settings().printer()).isEmpty();
            assertThat(till.printQueue()).isEmpty();
        }
    }

    @Test
    void theTillPrintsTheReceiptOfACompletedSaleInTheBackground() throws Exception {
        try (Till till = openWithPrinter("file:receipts.bin?columns=32")) {
            PrintQueue queue = till.printQueue().orElseThrow();
            assertThat(queue.format().columns()).isEqualTo(32);
            CountDownLatch printed = new CountDownLatch(1);
            queue.addListener(status -> {
                if (status.ok() && status.jobsWaiting() == 0 && status.lastPrintedAt() != null) {
                    printed.countDown();
                }
            });

            CompletedSale sale = sell(till);
            queue.enqueue(sale);

            assertThat(printed.await(10, TimeUnit.SECONDS)).isTrue();
            byte[] bytes = Files.readAllBytes(dir.resolve("receipts.bin"));
            assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0x1B, '@', 0x1B, 't', 19);
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("{B" + org.omnitill.core.receipt.Receipt.barcodeOf(sale.receiptNumber()));
        }
    }

    @Test
    void aPrinterThatIsNotThereKeepsTheTillSellingAndSaysWhy() throws Exception {
        try (Till till = openWithPrinter("serial:/nonexistent/ttyUSB9?baud=38400")) {
            PrintQueue queue = till.printQueue().orElseThrow();
            queue.close(); // drive it by hand
            CompletedSale sale = sell(till);

            queue.enqueue(sale);
            queue.drainOnce();

            assertThat(queue.status().ok()).isFalse();
            assertThat(queue.status().lastError()).contains("/nonexistent/ttyUSB9");
            assertThat(queue.status().condition()).isEqualTo(PrinterCondition.UNREACHABLE);
            assertThat(queue.status().jobsWaiting()).isEqualTo(1);
        }
    }
}
