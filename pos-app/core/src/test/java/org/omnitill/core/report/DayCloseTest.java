package org.omnitill.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.cash.CashException;
import org.omnitill.core.cash.CashMovement;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleException;
import org.omnitill.core.sale.SaleLine;
import org.omnitill.core.staff.NotAllowedException;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tender.Tender;

/**
 * A generated day on the demo till: shifts, sales, refunds, cash movements, voids, then the Z.
 * The Z's figures are checked against sums the test keeps itself from the completed sales it made,
 * not against the report's own queries.
 */
class DayCloseTest {

    @TempDir
    Path dir;
    private Till till;
    private StaffMember alex;
    private StaffMember marta;

    @BeforeEach
    void open() throws Exception {
        till = reopen();
    }

    private Till reopen() throws Exception {
        Till t = Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
        alex = t.logins().activeStaff().stream().filter(s -> s.role() == Role.CASHIER).findFirst().orElseThrow();
        marta = t.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
        return t;
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private CashCount count(String... denominationAndCount) {
        Map<BigDecimal, String> typed = new HashMap<>();
        for (int i = 0; i < denominationAndCount.length; i += 2) {
            typed.put(new BigDecimal(denominationAndCount[i]), denominationAndCount[i + 1]);
        }
        return CashCount.parse(till.cashOffice().denominations(), typed);
    }

    /** What the test itself adds up from the sales it completed. */
    private static final class Expected {
        long sales;
        long refunds;
        BigDecimal salesTotal = BigDecimal.ZERO;
        BigDecimal refundsTotal = BigDecimal.ZERO;
        BigDecimal cashIn = BigDecimal.ZERO;
        BigDecimal card = BigDecimal.ZERO;
        final Map<String, BigDecimal[]> taxes = new TreeMap<>();

        void add(CompletedSale sale) {
            BigDecimal total = sale.totals().total().amount();
            if (total.signum() < 0) {
                refunds++;
                refundsTotal = refundsTotal.add(total);
            } else {
                sales++;
                salesTotal = salesTotal.add(total);
            }
            for (Tender t : sale.tenders()) {
                BigDecimal signed = total.signum() < 0 ? t.amount().amount().negate() : t.amount().amount();
                if (t instanceof Tender.Card) {
                    card = card.add(signed);
                } else {
                    cashIn = cashIn.add(signed);
                }
            }
            cashIn = cashIn.subtract(sale.payment().change().amount());
            for (TaxLine tax : sale.totals().taxes()) {
                BigDecimal[] sums = taxes.computeIfAbsent(tax.code(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(tax.net().amount());
                sums[1] = sums[1].add(tax.tax().amount());
                sums[2] = sums[2].add(tax.gross().amount());
            }
        }
    }

    @Test
    void aGeneratedDayClosesWithFiguresThatMatchAnIndependentSum() throws Exception {
        CashOffice office = till.cashOffice();
        office.openShift(alex, count("20", "5", "1", "10", "0.50", "20")); // 100 + 10 + 10 = 120.00
        var search = till.store().session().search();
        List<ProductSearch.Hit> products = search.categories().stream().flatMap(c -> search.inCategory(c, 4).stream())
                .filter(h -> h.unit() == Unit.EACH).toList();
        assertThat(products).hasSizeGreaterThan(5);
        Random random = new Random(42);
        Expected expected = new Expected();
        List<CompletedSale> sold = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Sale sale = till.sales().newSale(alex);
            int lines = 1 + random.nextInt(5);
            for (int l = 0; l < lines; l++) {
                ProductSearch.Hit hit = products.get(random.nextInt(products.size()));
                Product product = till.store().session().catalog().findBySku(hit.sku()).orElseThrow();
                sale.add(product, BigDecimal.valueOf(1 + random.nextInt(3)));
            }
            if (i % 7 == 0) {
                sale.discountLine(1, Discount.percent("5"));
            }
            if (i % 11 == 0 && sale.lines().size() > 1) {
                sale.voidLine(2, java.time.Instant.now());
            }
            Money due = sale.payment().remaining();
            if (i % 3 == 0) {
                sale.addTender(new Tender.Card(due, "VISA", "4242", "T" + i, "A" + i));
            } else if (i % 3 == 1) {
                Money cash = Money.of(due.amount().add(new BigDecimal(random.nextInt(5))).setScale(0, java.math.RoundingMode.UP),
                        due.currency());
                sale.addTender(new Tender.Cash(cash));
            } else {
                Money half = Money.of(due.amount().divide(new BigDecimal("2"), 2, java.math.RoundingMode.DOWN), due.currency());
                sale.addTender(new Tender.Card(half, "MASTERCARD", "5555", "T" + i, "A" + i));
                sale.addTender(new Tender.Cash(sale.payment().remaining()));
            }
            CompletedSale done = till.sales().complete(sale);
            expected.add(done);
            sold.add(done);
        }
        // two refunds against receipts, paid out in cash
        for (int r = 0; r < 2; r++) {
            CompletedSale original = sold.get(r * 5 + 1);
            var receipt = till.sales().findReceipt(original.receiptNumber()).orElseThrow();
            Sale back = till.sales().newSale(alex);
            till.sales().returnFromReceipt(back, receipt, 1, BigDecimal.ONE);
            back.addTender(new Tender.Cash(back.payment().remaining()));
            expected.add(till.sales().complete(back));
        }
        // a voided sale (a supervisor approves), cash movements and a no-sale
        Sale abandoned = till.sales().newSale(alex);
        abandoned.add(till.store().session().catalog().findBySku(products.get(0).sku()).orElseThrow(), BigDecimal.ONE);
        assertThatThrownBy(() -> till.sales().voidSale(abandoned)).isInstanceOf(SaleException.class)
                .satisfies(e -> assertThat(((SaleException) e).permission()).contains(Permission.VOID_SALE));
        abandoned.approve(till.logins().approve(Permission.VOID_SALE, alex, marta, "2222".toCharArray()));
        till.sales().voidSale(abandoned);
        Money eur10 = Money.of("10.00", "EUR");
        assertThatThrownBy(() -> office.moveCash(alex, CashMovement.Kind.PAID_OUT, eur10, "SUPPLIES", "milk", null))
                .isInstanceOf(NotAllowedException.class);
        var approval = till.logins().approve(Permission.CASH_IN_OUT, alex, marta, "2222".toCharArray());
        office.moveCash(alex, CashMovement.Kind.PAID_OUT, eur10, "SUPPLIES", "milk", approval);
        office.moveCash(marta, CashMovement.Kind.PAID_IN, Money.of("25.00", "EUR"), "CHANGE", null, null);
        office.moveCash(marta, CashMovement.Kind.SAFE_DROP, Money.of("50.00", "EUR"), null, null, null);
        office.noSale(marta, "customer needed change", null);

        // the day cannot close with the drawer open
        assertThatThrownBy(() -> till.dayClose().close(marta, null)).isInstanceOf(CashException.class)
                .extracting("code").isEqualTo(CashException.Code.SHIFTS_OPEN);

        // blind count: 2 euros short
        BigDecimal drawer = new BigDecimal("120.00").add(expected.cashIn).subtract(new BigDecimal("10.00"))
                .add(new BigDecimal("25.00")).subtract(new BigDecimal("50.00"));
        // an X report meanwhile shows what the open drawer should hold
        assertThat(till.reports().figures(till.reports().openPeriod()).expectedCash()).isEqualByComparingTo(drawer);
        BigDecimal counted = drawer.subtract(new BigDecimal("2.00"));
        CashOffice.CloseCheck check = office.check(alex, countOf(counted));
        assertThat(check.expected().amount()).isEqualByComparingTo(drawer);
        assertThat(check.variance().amount()).isEqualByComparingTo("-2.00");
        assertThat(check.needsApproval()).isFalse(); // within the 5.00 limit
        office.close(alex, check, null, null);

        // a sale is open: no Z
        Sale open = till.sales().newSale(alex);
        open.add(till.store().session().catalog().findBySku(products.get(1).sku()).orElseThrow(), BigDecimal.ONE);
        assertThatThrownBy(() -> till.dayClose().close(marta, null)).isInstanceOf(CashException.class)
                .extracting("code").isEqualTo(CashException.Code.SALE_OPEN);
        till.sales().voidSale(open = approveVoid(open));
        // a cashier may not close the day
        assertThatThrownBy(() -> till.dayClose().close(alex, null)).isInstanceOf(NotAllowedException.class);

        ShiftRepository.ZClose z = till.dayClose().close(marta, null);
        assertThat(z.number()).isEqualTo(1);
        BigDecimal net = expected.salesTotal.add(expected.refundsTotal);
        assertThat(z.periodTotal()).isEqualByComparingTo(net);
        assertThat(z.grandTotal()).isEqualByComparingTo(net);

        DayFigures f = till.reports().figures(new ReportRange.Sequences(z.fromSequence(), z.toSequence()));
        assertThat(f.sums().sales()).isEqualTo(expected.sales);
        assertThat(f.sums().refunds()).isEqualTo(expected.refunds);
        assertThat(f.sums().salesTotal()).isEqualByComparingTo(expected.salesTotal);
        assertThat(f.sums().refundsTotal()).isEqualByComparingTo(expected.refundsTotal);
        assertThat(f.tenders().stream().filter(t -> t.kind().equals("CASH")).map(ReportRepository.TenderSum::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(expected.cashIn);
        assertThat(f.tenders().stream().filter(t -> t.kind().equals("CARD")).map(ReportRepository.TenderSum::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(expected.card);
        assertThat(f.taxes()).hasSize(expected.taxes.size());
        for (ReportRepository.TaxSum tax : f.taxes()) {
            BigDecimal[] sums = expected.taxes.get(tax.code());
            assertThat(tax.net()).as("net " + tax.code()).isEqualByComparingTo(sums[0]);
            assertThat(tax.tax()).as("tax " + tax.code()).isEqualByComparingTo(sums[1]);
            assertThat(tax.gross()).as("gross " + tax.code()).isEqualByComparingTo(sums[2]);
        }
        assertThat(f.audit("VOID_SALE").count()).isEqualTo(2);
        assertThat(f.audit("NO_SALE").count()).isEqualTo(1);
        assertThat(f.audit("PAID_OUT").amount()).isEqualByComparingTo("10.00");
        assertThat(f.audit("REFUND").count()).isEqualTo(2);
        assertThat(f.cashVariance()).isEqualByComparingTo("-2.00");
        assertThat(f.hours().values().stream().mapToLong(DayFigures.HourSum::count).sum()).isEqualTo(expected.sales + expected.refunds);

        // the PDF shows them
        ReportDocument document = till.reports().z(z, Locale.UK);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfReports.writePdf(document, pdf);
        // kept for people to look at: pdftoppm -png target/z-report-test.pdf
        java.nio.file.Files.write(Path.of("target", "z-report-test.pdf"), pdf.toByteArray());
        String text;
        try (PDDocument loaded = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(loaded);
        }
        java.text.NumberFormat uk = java.text.NumberFormat.getNumberInstance(Locale.UK);
        uk.setMinimumFractionDigits(2);
        assertThat(text).contains("Z report", "Z number: 1", "Sales by tender", "Sales by tax rate", "Sales by category",
                "Sales by hour", "Voided sales", "No-sale drawer openings", "Card · VISA", uk.format(net),
                uk.format(expected.cashIn));
        assertThat(f.audit(ReportRepository.APPROVED).count()).isEqualTo(3); // void, paid out, second void
        assertThat(text).contains("Documents not yet sent to the hub");
    }

    private Sale approveVoid(Sale sale) {
        sale.approve(till.logins().approve(Permission.VOID_SALE, alex, marta, "2222".toCharArray()));
        return sale;
    }

    /** A count of {@code amount} in 20s, 1s and cents. */
    private CashCount countOf(BigDecimal amount) {
        BigDecimal twenties = amount.divideToIntegralValue(new BigDecimal("20"));
        BigDecimal rest = amount.subtract(twenties.multiply(new BigDecimal("20")));
        BigDecimal ones = rest.divideToIntegralValue(BigDecimal.ONE);
        BigDecimal cents = rest.subtract(ones).movePointRight(2);
        return count("20", String.valueOf(twenties.intValueExact()), "1", String.valueOf(ones.intValueExact()),
                "0.01", String.valueOf(cents.intValueExact()));
    }

    @Test
    void zNumbersAreGaplessAcrossRestartsAndTheGrandTotalCarriesOn() throws Exception {
        List<BigDecimal> totals = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            till.cashOffice().openShift(marta, count("10", "2"));
            Sale sale = till.sales().newSale(marta);
            sale.add(till.store().session().catalog().findByBarcode("8414850557430").orElseThrow(), BigDecimal.valueOf(day));
            sale.addTender(new Tender.Cash(sale.payment().remaining()));
            totals.add(till.sales().complete(sale).totals().total().amount());
            var check = till.cashOffice().check(marta, countOf(new BigDecimal("20.00").add(totals.get(day - 1))));
            till.cashOffice().close(marta, check, null, null);
            ShiftRepository.ZClose z = till.dayClose().close(marta, null);
            assertThat(z.number()).isEqualTo(day);
            assertThat(z.periodTotal()).isEqualByComparingTo(totals.get(day - 1));
            assertThat(z.grandTotal()).isEqualByComparingTo(totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            till.close();
            till = reopen();
        }
        // an X now covers nothing new
        assertThat(till.reports().figures(till.reports().openPeriod()).sums().sales()).isZero();
        assertThat(org.omnitill.core.journal.JournalVerifier.verify(till.store().session().journal()).problems()).isEmpty();
    }

    @Test
    void aVarianceAboveTheLimitNeedsAReasonAndAManager() {
        till.cashOffice().openShift(alex, count("10", "5"));
        CashOffice.CloseCheck check = till.cashOffice().check(alex, count("10", "4")); // 10.00 short
        assertThat(check.needsApproval()).isTrue();
        assertThatThrownBy(() -> till.cashOffice().close(alex, check, "", null)).isInstanceOf(CashException.class)
                .extracting("code").isEqualTo(CashException.Code.NEEDS_REASON);
        assertThatThrownBy(() -> till.cashOffice().close(alex, check, "miscounted float", null)).isInstanceOf(CashException.class)
                .extracting("code").isEqualTo(CashException.Code.NEEDS_APPROVAL);
        var approval = till.logins().approve(Permission.ACCEPT_VARIANCE, alex, marta, "2222".toCharArray());
        var closed = till.cashOffice().close(alex, check, "miscounted float", approval);
        assertThat(closed.variance().amount()).isEqualByComparingTo("-10.00");
        assertThat(till.store().session().audit().inSequences(0, Long.MAX_VALUE))
                .anySatisfy(row -> {
                    assertThat(row.entry().kind()).isEqualTo("VARIANCE");
                    assertThat(row.entry().approvedBy()).isEqualTo(marta.displayName());
                });
    }

    @Test
    void badCountsAreRefusedWithEveryWrongEntryNamed() {
        var denominations = till.cashOffice().denominations();
        assertThatThrownBy(() -> CashCount.parse(denominations, Map.of(new BigDecimal("20"), "abc", new BigDecimal("5"), "-3")))
                .isInstanceOf(CashException.class)
                .hasMessageContaining("'abc' is not a whole number")
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> CashCount.parse(denominations, Map.of(new BigDecimal("3"), "1")))
                .hasMessageContaining("no 3 denomination");
        assertThat(CashCount.parse(denominations, Map.of(new BigDecimal("0.05"), "3", new BigDecimal("50"), " 2 ")).total())
                .isEqualTo(Money.of("100.15", "EUR"));
        // a shift opened twice on one drawer is refused and nothing is written
        till.cashOffice().openShift(alex, count("5", "1"));
        assertThatThrownBy(() -> till.cashOffice().openShift(marta, count("5", "1"))).isInstanceOf(CashException.class)
                .extracting("code").isEqualTo(CashException.Code.SHIFT_ALREADY_OPEN);
        assertThat(till.cashOffice().openShifts()).hasSize(1);
    }

    @Test
    void withADrawerPerCashierEachCountsOnlyTheirOwnCash() throws Exception {
        till.close();
        var settingsStore = new org.omnitill.core.config.SettingsStore(new DataDirectory(dir).settingsFile());
        var office = settingsStore.load().office();
        settingsStore.save(settingsStore.load().withOffice(new org.omnitill.core.config.OfficeSettings(
                org.omnitill.core.config.OfficeSettings.DrawerMode.PER_CASHIER, null, null, null, null, null, null, null, null)));
        till = reopen();
        till.cashOffice().openShift(alex, count("10", "1"));
        till.cashOffice().openShift(marta, count("10", "2"));
        assertThat(till.cashOffice().openShifts()).extracting(s -> s.drawer())
                .containsExactlyInAnyOrder("STAFF-" + alex.id(), "STAFF-" + marta.id());
        Sale sale = till.sales().newSale(alex);
        sale.add(till.store().session().catalog().findByBarcode("8414850557430").orElseThrow(), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(Money.of("3.29", "EUR")));
        till.sales().complete(sale);
        assertThat(till.cashOffice().expectedCash(till.cashOffice().currentShift(alex).orElseThrow()))
                .isEqualTo(Money.of("13.29", "EUR"));
        assertThat(till.cashOffice().expectedCash(till.cashOffice().currentShift(marta).orElseThrow()))
                .isEqualTo(Money.of("20.00", "EUR"));
        assertThat(office.drawerMode()).isEqualTo(org.omnitill.core.config.OfficeSettings.DrawerMode.SHARED);
    }

    @Test
    void theZSlipFitsThePaperAndNamesTheFigures() {
        till.cashOffice().openShift(marta, count("10", "1"));
        Sale sale = till.sales().newSale(marta);
        sale.add(till.store().session().catalog().findByBarcode("8414850557430").orElseThrow(), BigDecimal.ONE);
        sale.addTender(new Tender.Cash(Money.of("3.29", "EUR")));
        till.sales().complete(sale);
        till.cashOffice().close(marta, till.cashOffice().check(marta, countOf(new BigDecimal("13.29"))), null, null);
        ShiftRepository.ZClose z = till.dayClose().close(marta, null);
        List<String> slip = ReportSlip.lines(till.reports().z(z, Locale.UK), 32, Reports.SLIP_SECTIONS);
        assertThat(slip).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(32));
        assertThat(String.join("\n", slip)).contains("Z report", "Sales by tender", "Cash", "3.29", "Net sales")
                .doesNotContain("Sales by category");
        byte[] escPos = ReportSlip.escPos(till.reports().z(z, Locale.UK), 32, Reports.SLIP_SECTIONS,
                org.omnitill.core.receipt.CodePage.CP858, 19);
        assertThat(escPos).startsWith(0x1B, '@', 0x1B, 't', 19);
        assertThat(escPos).endsWith(0x1D, 'V', 66, 3);
    }

    @Test
    void aSettingsChangeIsAJournalDocumentSayingWhatChangedAndByWhom() {
        till.saveSettings(till.settingsStore().load().withHubUrl("http://hub.example:8086"), "Marta Ruiz");
        List<String> types = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        till.store().session().journal().forEach(e -> {
            types.add(e.type());
            bodies.add(e.body());
        });
        assertThat(types).contains("settings-change");
        assertThat(bodies.get(types.lastIndexOf("settings-change"))).contains("hubUrl", "hub.example", "Marta Ruiz");
        till.saveSettings(till.settingsStore().load(), "Marta Ruiz"); // nothing changed: nothing recorded
        List<String> after = new ArrayList<>();
        till.store().session().journal().forEach(e -> after.add(e.type()));
        assertThat(after).hasSameSizeAs(types);
    }
}
