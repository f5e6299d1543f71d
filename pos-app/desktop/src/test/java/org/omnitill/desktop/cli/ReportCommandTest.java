package org.omnitill.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashCount;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;
import org.omnitill.desktop.TestTill;
import picocli.CommandLine;

/** {@code omnitill report}: a day with a closed Z, rendered headless to PDF. */
class ReportCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aClosedDay() throws Exception {
        try (Till till = TestTill.demo(dir)) {
            StaffMember marta = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
            var office = till.cashOffice();
            office.openShift(marta, CashCount.parse(office.denominations(), Map.of(new BigDecimal("10"), "5")));
            Sale sale = till.sales().newSale(marta);
            sale.add(till.store().session().catalog().findByBarcode(TestTill.EGGS).orElseThrow(), BigDecimal.ONE);
            sale.addTender(new Tender.Cash(Money("5.00")));
            till.sales().complete(sale);
            // 50.00 float + 3.29 for the eggs
            var check = office.check(marta, CashCount.parse(office.denominations(),
                    Map.of(new BigDecimal("10"), "5", new BigDecimal("2"), "1", new BigDecimal("1"), "1",
                            new BigDecimal("0.20"), "1", new BigDecimal("0.05"), "1", new BigDecimal("0.02"), "2")));
            assertThat(check.variance().isZero()).isTrue();
            office.close(marta, check, null, null);
            till.dayClose().close(marta, null);
        }
    }

    private static org.omnitill.core.money.Money Money(String amount) {
        return org.omnitill.core.money.Money.of(amount, "EUR");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new org.omnitill.desktop.OmnitillCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        all[2] = "--demo";
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.execute(all);
    }

    private static String text(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theZOfTodayIsWrittenAsAPdf() throws Exception {
        Path pdf = dir.resolve("out").resolve("z.pdf");
        assertThat(run("report", "z", "--date", LocalDate.now().toString(), "--out", pdf.toString(), "--locale", "en"))
                .as(err.toString()).isZero();
        assertThat(text(pdf)).contains("Z report (end of day)", "Z number: 1", "Sales by tender", "3.29", "53.29");
    }

    @Test
    void theXSalesTaxAndExceptionsReportsAreWritten() throws Exception {
        String today = LocalDate.now().toString();
        for (String kind : new String[] {"x", "sales", "tax", "exceptions"}) {
            Path pdf = dir.resolve(kind + ".pdf");
            assertThat(run("report", kind, "--date", today, "--out", pdf.toString(), "--locale", "en")).as(kind + ": " + err).isZero();
            assertThat(text(pdf)).isNotBlank();
        }
        assertThat(text(dir.resolve("sales.pdf"))).contains("Sales report", "Sales by product", "Sales by cashier", "Marta Ruiz");
        assertThat(text(dir.resolve("exceptions.pdf"))).contains("Exceptions report", "Z_CLOSE");
    }

    @Test
    void aDayWithoutAZOrABadDateIsAClearErrorWithExitTwo() {
        assertThat(run("report", "z", "--date", "2001-01-01", "--out", dir.resolve("none.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Z report was closed on 2001-01-01");
        assertThat(run("report", "sales", "--date", "22/11/2026", "--out", dir.resolve("bad.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("YYYY-MM-DD");
        assertThat(dir.resolve("none.pdf")).doesNotExist();
    }

    @Test
    void aSpanishZReportSpeaksSpanish() throws Exception {
        Path pdf = dir.resolve("z-es.pdf");
        assertThat(run("report", "z", "--z", "1", "--out", pdf.toString(), "--locale", "es")).as(err.toString()).isZero();
        assertThat(text(pdf)).contains("Informe Z", "Ventas por forma de pago", "3,29");
    }
}
