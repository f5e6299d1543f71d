package org.omnitill.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.desktop.OmnitillCommand;
import picocli.CommandLine;

class ImportCatalogCommandTest {

    private static final String HEADER = "sku,name,barcodes,price,tax,category,unit\n";
    private static final String GOOD = HEADER
            + "EGG-12,Free Range Eggs 12,8414850557430,3.29,RED,Dairy & Eggs,each\n"
            + "OIL-1,Olive Oil 1 L,4006381333931|8410000000009,7.95,STD,Pantry,each\n"
            + "BAN-KG,Bananas,,2.29,ZERO,Fruit,kg\n";

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new OmnitillCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path file(String text) throws IOException {
        return Files.writeString(tmp.resolve("catalog.csv"), text);
    }

    private long productCount(Path dataDir) throws IOException {
        try (Till till = Till.open(new DataDirectory(dataDir), false)) {
            return till.store().session().catalog().productCount();
        }
    }

    @Test
    void aCleanFileIsImportedWithExitCodeZero() throws IOException {
        Path data = tmp.resolve("data");

        int code = run("--data-dir", data.toString(), "import-catalog", file(GOOD).toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("importing", "imported 3 products");
        assertThat(err.toString()).isEmpty();
        assertThat(productCount(data)).isEqualTo(3);
    }

    @Test
    void theDataDirectoryMayAlsoFollowTheSubcommand() throws IOException {
        Path data = tmp.resolve("data");

        int code = run("import-catalog", "--data-dir", data.toString(), file(GOOD).toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(productCount(data)).isEqualTo(3);
    }

    @Test
    void badRowsAreExitCodeTwoWithTheirLinesAndNothingIsImported() throws IOException {
        Path data = tmp.resolve("data");
        run("--data-dir", data.toString(), "import-catalog", file(HEADER + "OLD-1,Old,,1.00,STD,,each\n").toString());

        int code = run("--data-dir", data.toString(), "import-catalog", file(GOOD
                + "BAD-1,Bad barcode,4006381333932,1.00,STD,,each\n"
                + "BAD-2,Bad tax,,1.00,VAT99,,each\n"
                + "BAD-3,Bad unit,,1.00,STD,,litre\n").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 5: barcode '4006381333932' is not a valid GTIN",
                "line 6: tax code 'VAT99' is not defined", "line 7: ", "3 errors: nothing was imported");
        assertThat(productCount(data)).isEqualTo(1);
    }

    @Test
    void onlyTheFirstBadRowsArePrintedButTheCountIsExact() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < ImportCatalogCommand.MAX_PRINTED + 5; i++) {
            csv.append("SKU-").append(i).append(",Item,,not-a-price,STD,,each\n");
        }

        int code = run("--data-dir", tmp.resolve("data").toString(), "import-catalog", file(csv.toString()).toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("line 201: ", "... and 5 more", "205 errors: nothing was imported")
                .doesNotContain("line 202: ");
    }

    @Test
    void ignoredColumnsAreWarnedAbout() throws IOException {
        int code = run("--data-dir", tmp.resolve("data").toString(), "import-catalog",
                file("sku,name,barcodes,price,tax,category,unit,supplier\nEGG-12,Eggs,,3.29,RED,,each,Alba\n").toString());

        assertThat(code).isZero();
        assertThat(err.toString()).contains("warning: line 1: column 'supplier' is not used");
    }

    @Test
    void aMissingFileIsExitCodeTwo() {
        int code = run("--data-dir", tmp.resolve("data").toString(), "import-catalog", tmp.resolve("nope.csv").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot open", "no such file");
    }

    @Test
    void aDataDirectoryInUseIsExitCodeThree() throws IOException {
        Path data = tmp.resolve("data");
        Path csv = file(GOOD);
        try (Till running = Till.open(new DataDirectory(data), false)) {
            assertThat(run("--data-dir", data.toString(), "import-catalog", csv.toString())).isEqualTo(3);
        }
        assertThat(productCount(data)).isZero();
    }

    @Test
    void withoutAFileItIsABadCommandLine() {
        assertThat(run("--data-dir", tmp.resolve("data").toString(), "import-catalog")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE.csv'");
    }

    @Test
    void theMainHelpListsTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("import-catalog");
    }
}
