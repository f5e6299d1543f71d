package org.omnitill.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.money.Money;
import org.omnitill.core.report.PdfReports;
import org.omnitill.core.report.ReportDocument;
import org.omnitill.core.report.ReportRange;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

/**
 * The X and Z report targets (issue 6): a day of {@code SALES} 5-line sales on the demo till, then
 * the X report (figures + PDF) and the Z (close + figures + PDF), each timed cold (first in the JVM)
 * and warm (median of the next runs). {@code ReportBench [SALES] [DIR]}.
 */
public final class ReportBench {

    private ReportBench() {
    }

    public record Figures(int sales, double fillSeconds, double xColdMs, double xWarmMs, double zCloseColdMs,
                          double zWarmMs, int pdfBytes, int pages, long fileBytesOpen, long fileBytesClosed, double closeMs) {
    }

    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/omnitill-bench/report-day");
        Figures f = run(dir, sales, 5);
        System.out.printf(Locale.ROOT, "day of %,d sales rung up in %.1f s%n", f.sales(), f.fillSeconds());
        System.out.printf(Locale.ROOT, "X report (figures + PDF): cold %.0f ms, warm median %.0f ms%n", f.xColdMs(), f.xWarmMs());
        System.out.printf(Locale.ROOT, "Z (close + figures + PDF): cold %.0f ms; Z re-rendered warm median %.0f ms%n",
                f.zCloseColdMs(), f.zWarmMs());
        System.out.printf(Locale.ROOT, "Z PDF: %,d bytes, %d pages%n", f.pdfBytes(), f.pages());
        System.out.printf(Locale.ROOT, "store file: %,d bytes before closing the till, %,d after (close took %.0f ms)%n",
                f.fileBytesOpen(), f.fileBytesClosed(), f.closeMs());
    }

    public static Figures run(Path dir, int sales, int warmRuns) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Till till = Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
        Path file = new DataDirectory(dir).database().resolve("till.mv.db");
        try {
            StaffMember manager = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst()
                    .orElseThrow();
            var office = till.cashOffice();
            office.openShift(manager, CashCount.parse(office.denominations(), Map.of(new BigDecimal("20"), "10")));
            var search = till.store().session().search();
            List<Product> products = new ArrayList<>();
            for (String category : search.categories()) {
                for (ProductSearch.Hit hit : search.inCategory(category, 30)) {
                    if (hit.unit() == Unit.EACH) {
                        products.add(till.store().session().catalog().findBySku(hit.sku()).orElseThrow());
                    }
                }
            }
            Random random = new Random(7);
            long start = System.nanoTime();
            for (int i = 0; i < sales; i++) {
                Sale sale = till.sales().newSale(manager);
                for (int l = 0; l < 5; l++) {
                    sale.add(products.get(random.nextInt(products.size())), BigDecimal.valueOf(1 + random.nextInt(3)));
                }
                Money due = sale.payment().remaining();
                if (i % 2 == 0) {
                    sale.addTender(new Tender.Card(due, i % 4 == 0 ? "VISA" : "MASTERCARD", "4242", "R" + i, "A" + i));
                } else {
                    sale.addTender(new Tender.Cash(Money.of(due.amount().setScale(0, RoundingMode.UP), due.currency())));
                }
                till.sales().complete(sale);
            }
            double fillSeconds = (System.nanoTime() - start) / 1e9;

            List<Double> x = new ArrayList<>();
            for (int i = 0; i <= warmRuns; i++) {
                long t0 = System.nanoTime();
                ReportDocument document = till.reports().x(Locale.UK);
                pdf(document);
                x.add((System.nanoTime() - t0) / 1e6);
            }
            var check = office.check(manager, countOf(office, office.expectedCash(office.currentShift(manager).orElseThrow())));
            office.close(manager, check, null, null);

            long t0 = System.nanoTime();
            var z = till.dayClose().close(manager, null);
            byte[] zPdf = pdf(till.reports().z(z, Locale.UK));
            double zCold = (System.nanoTime() - t0) / 1e6;
            List<Double> zWarm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                long t1 = System.nanoTime();
                pdf(till.reports().z(z, Locale.UK));
                zWarm.add((System.nanoTime() - t1) / 1e6);
            }
            var figures = till.reports().figures(new ReportRange.Sequences(z.fromSequence(), z.toSequence()));
            if (figures.sums().sales() != sales) {
                throw new IllegalStateException("the Z counts " + figures.sums().sales() + " sales, not " + sales);
            }
            int pages = PdfReports.fill(till.reports().z(z, Locale.UK)).getPages().size();
            long open = Files.size(file);
            long c0 = System.nanoTime();
            till.close();
            double closeMs = (System.nanoTime() - c0) / 1e6;
            till = null;
            return new Figures(sales, fillSeconds, x.get(0), median(x.subList(1, x.size())), zCold, median(zWarm),
                    zPdf.length, pages, open, Files.size(file), closeMs);
        } finally {
            if (till != null) {
                till.close();
            }
        }
    }

    private static byte[] pdf(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReports.writePdf(document, out);
        return out.toByteArray();
    }

    /** The expected cash as a count: greedy over the denominations. */
    private static CashCount countOf(org.omnitill.core.cash.CashOffice office, Money amount) {
        BigDecimal left = amount.amount();
        Map<BigDecimal, String> typed = new LinkedHashMap<>();
        for (BigDecimal value : office.denominations().values()) {
            BigDecimal n = left.divideToIntegralValue(value);
            if (n.signum() > 0) {
                typed.put(value, String.valueOf(n.intValueExact()));
                left = left.subtract(value.multiply(n));
            }
        }
        return CashCount.parse(office.denominations(), typed);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
