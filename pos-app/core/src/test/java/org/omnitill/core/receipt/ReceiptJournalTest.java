package org.omnitill.core.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleDocument;
import org.omnitill.core.tender.Tender;

class ReceiptJournalTest {

    @TempDir
    Path dir;

    @Test
    void aReceiptReadFromTheJournalEqualsTheOriginal() throws Exception {
        try (DemoSales demo = new DemoSales(dir)) {
            CompletedSale first = demo.simpleCashSale();
            Sale sale = demo.newSale();
            sale.add(demo.product(DemoSales.BANANAS), new BigDecimal("0.755"));
            sale.add(demo.product(DemoSales.EGGS), new BigDecimal("2"));
            sale.discountLine(2, Discount.amount("0.50"));
            sale.discountBasket(Discount.percent("5"));
            demo.sales().returnFromReceipt(sale, demo.sales().findReceipt(first.receiptNumber()).orElseThrow(), 1,
                    BigDecimal.ONE);
            sale.addTender(new Tender.Card(Money.of("2.00", "EUR"), "MASTERCARD", "1234", "REF-9", "OK77"));
            sale.addTender(new Tender.Cash(Money.of("10.00", "EUR")));
            CompletedSale done = demo.sales().complete(sale);
            String journal = demo.till.store().session().sales().documentOf(done.receiptNumber()).orElseThrow();

            Receipt original = demo.receipt(done);
            Receipt fromJournal = Receipt.fromJournalDocument(journal, demo.till.settings(), DemoSales.ENGLISH, DemoSales.MADRID);

            assertThat(fromJournal).isEqualTo(original);
            assertThat(Receipt.fromJournalDocument(SaleDocument.toJson(done), demo.till.settings(), DemoSales.ENGLISH,
                    DemoSales.MADRID)).isEqualTo(original);
        }
    }

    @Test
    void aCopyPrintsLikeTheOriginalPlusTheCopyMarker() throws Exception {
        try (DemoSales demo = new DemoSales(dir)) {
            CompletedSale sale = demo.simpleCashSale();
            String journal = demo.till.store().session().sales().documentOf(sale.receiptNumber()).orElseThrow();
            ReceiptFormat format = new ReceiptFormat(demo.till.settings(), DemoSales.ENGLISH, DemoSales.MADRID, 42,
                    CodePage.CP858, 19);

            List<String> original = new ReceiptTextRenderer(42).lines(format.receiptOf(sale));
            List<String> copy = new ArrayList<>(new ReceiptTextRenderer(42).lines(format.copyFromJournal(journal)));

            assertThat(copy).contains("               *** COPY ***");
            copy.remove("               *** COPY ***");
            assertThat(copy).isEqualTo(original);
        }
    }

    @Test
    void anotherDocumentIsRefused() {
        assertThatThrownBy(() -> Receipt.fromJournalDocument("{\"type\":\"z-report\"}",
                org.omnitill.core.config.TillSettings.defaults(), DemoSales.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a sale document");
        assertThatThrownBy(() -> Receipt.fromJournalDocument("{\"type\":\"sale\",\"receiptNumber\":\"T01-000009\"}",
                org.omnitill.core.config.TillSettings.defaults(), DemoSales.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T01-000009");
    }
}
