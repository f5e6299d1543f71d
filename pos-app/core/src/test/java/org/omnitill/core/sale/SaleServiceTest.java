package org.omnitill.core.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.journal.JournalVerifier;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

class SaleServiceTest {

    static final String EGGS = "8414850557430";     // 3.29, RED 10 %
    static final String TOMATOES = "8438438405715"; // 1.39, RED 10 %

    @TempDir
    Path dir;
    private Till till;
    private SaleService sales;
    private StaffMember cashier;

    @BeforeEach
    void openDemoTill() throws Exception {
        till = Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
        sales = till.sales();
        cashier = till.logins().activeStaff().get(0);
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private Product product(String barcode) {
        return till.store().session().catalog().findByBarcode(barcode).orElseThrow();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private CompletedSale sellForCash(String barcode, int quantity) {
        Sale sale = sales.newSale(cashier);
        sale.add(product(barcode), BigDecimal.valueOf(quantity));
        sale.addTender(new Tender.Cash(sale.payment().remaining()));
        return sales.complete(sale);
    }

    @Test
    void completingASaleWritesJournalSaleStockAndOutboxTogether() {
        Sale sale = sales.newSale(cashier);
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.add(product(TOMATOES), new BigDecimal("2"));
        sale.addTender(new Tender.Card(eur("3.00"), "VISA", "4242", "TRM-77", "A1B2C3"));
        sale.addTender(new Tender.Cash(eur("5.00")));

        CompletedSale done = sales.complete(sale);

        assertThat(done.receiptNumber()).isEqualTo("T01-000001");
        assertThat(done.totals().total()).isEqualTo(eur("6.07"));
        assertThat(done.payment().change()).isEqualTo(eur("1.93"));
        assertThat(sale.state()).isEqualTo(Sale.State.COMPLETED);
        assertThat(till.store().session().sales().count()).isEqualTo(1);
        assertThat(till.store().session().outbox().pending()).isEqualTo(1);
        assertThat(till.store().session().journal().head().lastSequence()).isEqualTo(1);
        Map<String, Object> doc = CanonicalJson.read(till.store().session().sales().documentOf("T01-000001").orElseThrow());
        assertThat(doc).containsEntry("total", "6.07").containsEntry("receiptNumber", "T01-000001");
        assertThat(doc.get("tenders").toString()).contains("4242").doesNotContain("4111");
        assertThat(JournalVerifier.verify(till.store().session().journal()).isIntact()).isTrue();
    }

    @Test
    void receiptNumbersAreGaplessAcrossSales() {
        assertThat(sellForCash(EGGS, 1).receiptNumber()).isEqualTo("T01-000001");
        assertThat(sellForCash(EGGS, 2).receiptNumber()).isEqualTo("T01-000002");
        assertThat(sellForCash(TOMATOES, 1).receiptNumber()).isEqualTo("T01-000003");
        assertThat(JournalVerifier.verify(till.store().session().journal()).entries()).isEqualTo(3);
    }

    @Test
    void salesGetTimeOrderedIdsSoLaterSalesSortLater() {
        CompletedSale first = sellForCash(EGGS, 1);
        CompletedSale second = sellForCash(EGGS, 1);
        Sale open = sales.newSale(cashier);

        assertThat(List.of(first.id(), second.id(), open.id())).allSatisfy(id -> assertThat(id.version()).isEqualTo(7))
                .isSortedAccordingTo(Comparator.comparing(UUID::toString))
                .doesNotHaveDuplicates();
    }

    @Test
    void aSaleThatIsNotFullyPaidWritesNothing() {
        Sale sale = sales.newSale(cashier);
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(eur("1.00")));

        assertThatThrownBy(() -> sales.complete(sale)).isInstanceOf(SaleException.class).hasMessageContaining("still due");

        assertThat(till.store().session().sales().count()).isZero();
        assertThat(till.store().session().journal().head().lastSequence()).isZero();
        assertThat(till.store().session().outbox().pending()).isZero();
    }

    @Test
    void aReturnAgainstAReceiptNeverExceedsWhatWasSold() {
        CompletedSale sold = sellForCash(EGGS, 2);
        SaleRepository.SoldReceipt receipt = sales.findReceipt(sold.receiptNumber()).orElseThrow();

        Sale firstReturn = sales.newSale(cashier);
        sales.returnFromReceipt(firstReturn, receipt, 1, BigDecimal.ONE);
        assertThatThrownBy(() -> sales.returnFromReceipt(firstReturn, receipt, 1, new BigDecimal("2")))
                .isInstanceOf(SaleException.class)
                .extracting("code").isEqualTo(SaleException.Code.RETURN_TOO_MUCH);
        firstReturn.addTender(new Tender.Cash(firstReturn.payment().remaining()));
        CompletedSale refunded = sales.complete(firstReturn);
        assertThat(refunded.totals().total()).isEqualTo(eur("-3.29"));

        SaleRepository.SoldReceipt after = sales.findReceipt(sold.receiptNumber()).orElseThrow();
        assertThat(after.lines().get(0).returned()).isEqualByComparingTo("1");
        Sale secondReturn = sales.newSale(cashier);
        assertThatThrownBy(() -> sales.returnFromReceipt(secondReturn, after, 1, new BigDecimal("2")))
                .hasMessageContaining("only 1");
    }

    @Test
    void partialReturnsRefundExactlyWhatWasPaidInTotal() {
        Sale sale = sales.newSale(cashier);
        sale.add(product(TOMATOES), new BigDecimal("3"));
        sale.discountLine(1, Discount.amount("0.10")); // 4.17 - 0.10 = 4.07 for three: not divisible by 3
        sale.addTender(new Tender.Cash(eur("4.07")));
        CompletedSale sold = sales.complete(sale);

        Money refunded = Money.zero(sold.totals().total().currency());
        for (int i = 0; i < 3; i++) {
            SaleRepository.SoldReceipt receipt = sales.findReceipt(sold.receiptNumber()).orElseThrow();
            Sale back = sales.newSale(cashier);
            sales.returnFromReceipt(back, receipt, 1, BigDecimal.ONE);
            back.addTender(new Tender.Cash(back.payment().remaining()));
            refunded = refunded.minus(sales.complete(back).totals().total());
        }

        assertThat(refunded).isEqualTo(eur("4.07"));
    }

    @Test
    void aParkedSaleComesBackAfterARestartWithItsLinesAndDiscounts() throws Exception {
        Sale sale = sales.newSale(cashier);
        sale.add(product(EGGS), new BigDecimal("2"));
        sale.add(product(TOMATOES), BigDecimal.ONE);
        sale.discountLine(2, Discount.percent("10"));
        // a euro off about four is above the cashier's 10 % limit: the manager approves it
        StaffMember marta = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
        sale.approve(till.logins().approve(Permission.DISCOUNT_ABOVE_LIMIT, cashier, marta, "2222".toCharArray()));
        sale.discountBasket(Discount.amount("1.00"));
        assertThat(sale.overrides()).singleElement().satisfies(o -> assertThat(o.approver()).isEqualTo(marta));
        Money total = sale.totals().total();

        ParkedSaleRepository.Summary parked = sales.park(sale, "Mrs Lopez");
        assertThat(parked.itemCount()).isEqualTo(2);
        till.close();
        till = Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
        sales = till.sales();

        assertThat(sales.parked()).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("Mrs Lopez");
            assertThat(s.total()).isEqualByComparingTo(total.amount());
        });
        Sale recalled = sales.recall(parked.id(), cashier);
        assertThat(recalled.lines()).hasSize(2);
        assertThat(recalled.lines().get(1).discount()).isEqualTo(Discount.percent("10"));
        assertThat(recalled.totals().total()).isEqualTo(total);
        assertThat(sales.parked()).isEmpty();
        assertThatThrownBy(() -> sales.recall(parked.id(), cashier)).hasMessageContaining("already recalled");

        recalled.addTender(new Tender.Cash(recalled.payment().remaining()));
        assertThat(sales.complete(recalled).totals().total()).isEqualTo(total);
    }

    @Test
    void onlyAnOpenSaleWithLinesCanBeParked() {
        Sale empty = sales.newSale(cashier);
        assertThatThrownBy(() -> sales.park(empty, "x")).extracting("code").isEqualTo(SaleException.Code.EMPTY_SALE);

        Sale paying = sales.newSale(cashier);
        paying.add(product(EGGS), BigDecimal.ONE);
        paying.addTender(new Tender.Cash(eur("1.00")));
        assertThatThrownBy(() -> sales.park(paying, "x")).extracting("code").isEqualTo(SaleException.Code.WRONG_STATE);
    }

    @Test
    void anUnknownReceiptIsNotFound() {
        assertThat(sales.findReceipt("T01-999999")).isEmpty();
    }
}
