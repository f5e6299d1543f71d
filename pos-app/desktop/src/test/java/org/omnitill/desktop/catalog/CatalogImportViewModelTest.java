package org.omnitill.desktop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.desktop.TestTill;

class CatalogImportViewModelTest {

    @TempDir
    Path dir;
    private Till till;
    private CatalogImportViewModel model;

    @BeforeEach
    void open() throws Exception {
        till = TestTill.demo(dir.resolve("till"));
        model = new CatalogImportViewModel(new CatalogImporter(till.store(), till.settings()), TestTill.directTasks(),
                Runnable::run, TestTill.english());
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @Test
    void aCleanFileImportsAndTheBarEndsFull() throws Exception {
        Path csv = Files.writeString(dir.resolve("new.csv"), """
                sku,name,barcodes,price,tax,category,unit
                NEW-1,Oat Drink 1 L,4006381333931,1.89,RED,Drinks,each
                NEW-2,Rye Bread,,2.40,RED,Bakery,each
                """);

        model.start(csv);

        assertThat(model.statusProperty().get()).isEqualTo("Imported 2 products.");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(till.store().session().catalog().findByBarcode("4006381333931")).isPresent();
    }

    @Test
    void aBadRowImportsNothingAndListsTheProblem() throws Exception {
        long before = till.store().session().catalog().productCount();
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                sku,name,barcodes,price,tax,category,unit
                NEW-1,Oat Drink 1 L,4006381333931,1.89,RED,Drinks,each
                NEW-2,Rye Bread,4006381333932,2.40,RED,Bakery,each
                """);

        model.start(csv);

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Nothing was imported: 1 row has problems.");
        assertThat(model.problems()).singleElement().asString().startsWith("line 3:").contains("4006381333932");
        assertThat(till.store().session().catalog().productCount()).isEqualTo(before);
    }

    @Test
    void theRowCountIsEstimatedFromTheFileSize() throws Exception {
        StringBuilder csv = new StringBuilder("sku,name,barcodes,price,tax,category,unit\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("S").append(i).append(",Name ").append(i).append(",,1.00,RED,X,each\n");
        }
        Path file = Files.writeString(dir.resolve("big.csv"), csv);

        assertThat(CatalogImportViewModel.estimateRows(file)).isBetween(4500L, 5500L);
    }
}
