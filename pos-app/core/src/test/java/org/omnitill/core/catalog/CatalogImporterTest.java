package org.omnitill.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.money.Money;
import org.omnitill.core.store.TillStore;

class CatalogImporterTest {

    private static final String HEADER = "sku,name,barcodes,price,tax,category,unit\n";
    private static final String EGGS = "8414850557430";
    private static final String OIL = "4006381333931";
    private static final String RICE = "8410000000009";

    @TempDir
    Path dir;
    private TillStore store;
    private CatalogRepository catalog;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void freshStoreWithTaxRates() {
        store = TillStore.openInMemory("import-" + UUID.randomUUID(), Currency.getInstance("EUR"));
        catalog = store.session().catalog();
        catalog.saveTaxRate(new TaxRate("STD", "VAT 21 %", new BigDecimal("21")));
        catalog.saveTaxRate(new TaxRate("RED", "VAT 10 %", new BigDecimal("10")));
        catalog.saveTaxRate(new TaxRate("ZERO", "No VAT", BigDecimal.ZERO));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportResult importText(String text) throws IOException {
        return importBytes(text.getBytes(StandardCharsets.UTF_8), CatalogImporter.BATCH_SIZE);
    }

    private ImportResult importBytes(byte[] bytes, int batchSize) throws IOException {
        Path file = Files.write(dir.resolve("catalog-" + UUID.randomUUID() + ".csv"), bytes);
        CatalogImporter importer = new CatalogImporter(store, Set.of("STD", "RED", "ZERO"), 2, batchSize);
        return importer.importFile(file, (phase, read, written) -> progress.add(phase + " " + read + " " + written));
    }

    @Test
    void aCleanFileIsImported() throws IOException {
        ImportResult result = importText(HEADER
                + "EGG-12,Free Range Eggs 12,8414850557430,3.29,RED,Dairy & Eggs,each\n"
                + "OIL-1,\"Olive Oil, Extra Virgin 1 L\",4006381333931|8410000000009,7.95,STD,Pantry,each\n"
                + "BAN-KG,Bananas,,2.29,ZERO,,kg\n");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.warnings()).isEmpty();
        assertThat(catalog.productCount()).isEqualTo(3);
        Product oil = catalog.findByBarcode(RICE).orElseThrow();
        assertThat(oil.name()).isEqualTo("Olive Oil, Extra Virgin 1 L");
        assertThat(oil.price()).isEqualTo(Money.of("7.95", "EUR"));
        assertThat(oil.category()).isEqualTo("Pantry");
        assertThat(oil.barcodes()).containsExactly(OIL, RICE);
        assertThat(catalog.findByBarcode(EGGS).orElseThrow().category()).isEqualTo("Dairy & Eggs");
        assertThat(progress).containsExactly("COMMITTING 3 3", "DONE 3 3");
    }

    @Test
    void oneBadRowAmongGoodOnesImportsNothingAndNamesItsLine() throws IOException {
        importText(HEADER + "OLD-1,Already there,,1.00,STD,,each\n");
        long before = catalog.productCount();

        ImportResult result = importText(HEADER
                + "EGG-12,Free Range Eggs 12,8414850557430,3.29,RED,Dairy,each\n"
                + "OIL-1,Olive Oil 1 L,4006381333932,7.95,STD,Pantry,each\n"
                + "OLD-1,Changed,,9.99,STD,,each\n");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.imported()).isZero();
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("4006381333932", "not a valid GTIN");
        });
        assertThat(catalog.productCount()).isEqualTo(before);
        assertThat(catalog.findByBarcode(EGGS)).isEmpty();
        assertThat(progress).last().asString().startsWith("ROLLING_BACK");
    }

    private static String fiftyRowsWithBadOnes() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 50; i++) {
            String price = i == 20 ? "abc" : i == 45 ? "1.999" : "1.50";
            csv.append("SKU-").append(i).append(",Item ").append(i).append(',').append(ean13(i)).append(',')
                    .append(price).append(",STD,Cat ").append(i % 3).append(",each\n");
        }
        return csv.toString();
    }

    @Test
    void everyBadRowIsReportedEvenAfterManyBatchesWereWritten() throws IOException {
        importText(HEADER + "OLD-1,Already there,,1.00,STD,,each\n"); // a catalog with products: upserted
        progress.clear();

        ImportResult result = importBytes(fiftyRowsWithBadOnes().getBytes(StandardCharsets.UTF_8), 7);

        assertThat(result.errors()).extracting(CatalogProblem::line).containsExactly(21, 46);
        assertThat(catalog.productCount()).isEqualTo(1);
        assertThat(catalog.findByBarcode(ean13(1))).isEmpty();
        assertThat(progress).contains("READING 7 7", "READING 42 42");
    }

    @Test
    void everyBadRowOfAFirstImportIsReportedAndNothingIsWritten() throws IOException {
        ImportResult result = importBytes(fiftyRowsWithBadOnes().getBytes(StandardCharsets.UTF_8), 7);

        assertThat(result.errors()).extracting(CatalogProblem::line).containsExactly(21, 46);
        assertThat(result.imported()).isZero();
        assertThat(catalog.isEmpty()).isTrue();
        assertThat(progress).containsExactly("ROLLING_BACK 0 0");
    }

    @Test
    void aFirstImportIsCheckedWholeThenWrittenInCommittedSlices() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 45; i++) {
            csv.append("SKU-").append(i).append(",Item ").append(i).append(',').append(ean13(i)).append(",1.50,STD,Cat ")
                    .append(i % 4).append(",each\n");
        }
        Path file = Files.writeString(dir.resolve("first.csv"), csv);

        ImportResult result = new CatalogImporter(store, Set.of("STD"), 2, 7, 20)
                .importFile(file, (phase, read, written) -> progress.add(phase + " " + read + " " + written));

        assertThat(result.imported()).isEqualTo(45);
        assertThat(catalog.productCount()).isEqualTo(45);
        assertThat(catalog.findByBarcode(ean13(45)).orElseThrow().category()).isEqualTo("Cat 1");
        assertThat(store.session().search().search("item", 50)).hasSize(45);
        assertThat(progress).containsExactly("READING 20 20", "READING 40 40", "COMMITTING 45 45", "DONE 45 45");
    }

    @Test
    void aFileLargerThanOneBatchIsImportedWhole() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 100; i++) {
            csv.append("SKU-").append(i).append(",Item ").append(i).append(',').append(ean13(i)).append(",1.50,STD,Cat ")
                    .append(i % 4).append(",each\n");
        }

        ImportResult result = importBytes(csv.toString().getBytes(StandardCharsets.UTF_8), 16);

        assertThat(result.imported()).isEqualTo(100);
        assertThat(catalog.productCount()).isEqualTo(100);
        assertThat(catalog.findByBarcode(ean13(100)).orElseThrow().sku()).isEqualTo("SKU-100");
        assertThat(catalog.findByBarcode(ean13(99)).orElseThrow().category()).isEqualTo("Cat 3");
    }

    @Test
    void reimportingUpdatesPricesAndReplacesBarcodes() throws IOException {
        importText(HEADER
                + "EGG-12,Free Range Eggs 12,8414850557430,3.29,RED,Dairy,each\n"
                + "OIL-1,Olive Oil 1 L,4006381333931|8410000000009,7.95,STD,Pantry,each\n");

        ImportResult result = importText(HEADER
                + "OIL-1,Olive Oil 1 L,4006381333931,8.25,STD,Oils,each\n"
                + "RICE-1,Rice 1 kg,8410000000009,1.19,RED,Pantry,each\n");

        assertThat(result.imported()).isEqualTo(2);
        assertThat(catalog.productCount()).isEqualTo(3);
        Product oil = catalog.findByBarcode(OIL).orElseThrow();
        assertThat(oil.price()).isEqualTo(Money.of("8.25", "EUR"));
        assertThat(oil.category()).isEqualTo("Oils");
        assertThat(oil.barcodes()).containsExactly(OIL);
        // the barcode moved from the oil to the rice
        assertThat(catalog.findByBarcode(RICE).orElseThrow().sku()).isEqualTo("RICE-1");
        assertThat(catalog.findByBarcode(EGGS).orElseThrow().price()).isEqualTo(Money.of("3.29", "EUR"));
    }

    @Test
    void unknownColumnsAreIgnoredWithAWarning() throws IOException {
        ImportResult result = importText("sku,name,supplier,barcodes,price,tax,category,unit\n"
                + "EGG-12,Free Range Eggs 12,Granja Alba,8414850557430,3.29,RED,Dairy,each\n");

        assertThat(result.imported()).isEqualTo(1);
        assertThat(result.warnings()).singleElement().asString().contains("line 1", "supplier", "ignored");
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedWithTheLineOfTheBadBytes() throws IOException {
        byte[] latin1 = (HEADER
                + "EGG-12,Free Range Eggs 12,8414850557430,3.29,RED,Dairy,each\n"
                + "CAF-1,Caf\u00e9 molido 250 g,,2.49,STD,Caf\u00e9,each\n").getBytes(StandardCharsets.ISO_8859_1);

        ImportResult result = importBytes(latin1, CatalogImporter.BATCH_SIZE);

        assertThat(result.imported()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).contains("not UTF-8", "0xE9");
        });
        assertThat(catalog.productCount()).isZero();
    }

    @Test
    void aUtf8FileWithAByteOrderMarkAndAccentsIsFine() throws IOException {
        ImportResult result = importText("\uFEFF" + HEADER + "CAF-1,Caf\u00e9 molido 250 g,,2.49,STD,Caf\u00e9,each\n");

        assertThat(result.imported()).isEqualTo(1);
    }

    @Test
    void aTruncatedUtf8SequenceAtTheEndIsAnError() throws IOException {
        byte[] text = (HEADER + "CAF-1,Caf").getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(text, text.length + 1);
        truncated[text.length] = (byte) 0xC3;

        ImportResult result = importBytes(truncated, CatalogImporter.BATCH_SIZE);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.message()).contains("not UTF-8");
        });
    }

    @Test
    void aMissingFileIsRejectedClearly() {
        ImportResult result = new CatalogImporter(store, Set.of("STD"), 2)
                .importFile(dir.resolve("nope.csv"), ImportProgress.none());

        assertThat(result.errors()).singleElement().asString().contains("cannot open", "nope.csv", "no such file");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        ImportResult result = importText("");

        assertThat(result.errors()).singleElement().asString().contains("empty");
    }

    @Test
    void upsertAllMatchesUpsertingOneByOne() {
        catalog.upsertAll(List.of(
                new CatalogRow("A", "First A", List.of(OIL), new BigDecimal("1.00"), "STD", "X", Unit.EACH),
                new CatalogRow("B", "B", List.of(OIL), new BigDecimal("2.00"), "STD", "Y", Unit.EACH),
                new CatalogRow("A", "Second A", List.of(RICE), new BigDecimal("3.00"), "STD", "X", Unit.KG)));

        assertThat(catalog.productCount()).isEqualTo(2);
        assertThat(catalog.findByBarcode(OIL).orElseThrow().sku()).isEqualTo("B");
        Product a = catalog.findByBarcode(RICE).orElseThrow();
        assertThat(a.name()).isEqualTo("Second A");
        assertThat(a.unit()).isEqualTo(Unit.KG);
        assertThat(a.barcodes()).containsExactly(RICE);
    }

    /** A valid EAN-13 made from a number. */
    private static String ean13(int n) {
        String body = String.format("200%09d", n);
        return body + Gtin.checkDigit(body);
    }
}
