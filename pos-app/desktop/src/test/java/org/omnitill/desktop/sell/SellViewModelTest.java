package org.omnitill.desktop.sell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.Till;
import org.omnitill.desktop.TestTill;

class SellViewModelTest {

    @TempDir
    Path dir;
    private Till till;
    private SellViewModel model;

    @BeforeEach
    void openDemoTill() throws Exception {
        till = TestTill.demo(dir);
        model = new SellViewModel(till.store().session().catalog(), till.settings().currencyUnit(),
                TestTill.directTasks(), TestTill.english());
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private void scan(String text) {
        model.scanTextProperty().set(text);
        model.submitScan();
    }

    @Test
    void aScanAddsALineAndUpdatesTheTotal() {
        scan(TestTill.EGGS);

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Granja Alba Free Range Eggs Large 12 Pack");
            assertThat(row.quantity()).isEqualTo("1");
            assertThat(row.amount()).isEqualTo("€3.29");
        });
        assertThat(model.totalProperty().get()).isEqualTo("€3.29");
        assertThat(model.itemCountProperty().get()).isEqualTo("1 item");
        assertThat(model.scanTextProperty().get()).isEmpty();
        assertThat(model.messageIsErrorProperty().get()).isFalse();
    }

    @Test
    void scanningTheSameItemAgainAddsToItsLine() {
        scan(TestTill.EGGS);
        scan(TestTill.TOMATOES);
        scan(TestTill.EGGS);

        assertThat(model.rows()).hasSize(2);
        assertThat(model.rows().get(0).quantity()).isEqualTo("2");
        assertThat(model.totalProperty().get()).isEqualTo("€7.97");
        assertThat(model.itemCountProperty().get()).isEqualTo("3 items");
        assertThat(model.lastChangedRowProperty().get()).isZero();
    }

    @Test
    void aQuantityCanComeBeforeTheCode() {
        scan("3*" + TestTill.TOMATOES);

        assertThat(model.rows()).singleElement().extracting(CartRow::quantity).isEqualTo("3");
        assertThat(model.totalProperty().get()).isEqualTo("€4.17");
    }

    @Test
    void weighedGoodsNeedAWeightAndAreChargedByIt() {
        scan(TestTill.BANANAS);
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).contains("sold by weight", "0.750*" + TestTill.BANANAS);

        scan("0,755*" + TestTill.BANANAS);
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.quantity()).isEqualTo("0.755 kg");
            assertThat(row.amount()).isEqualTo("€1.73"); // 0.755 x 2.29 = 1.72895
        });
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "8414850557431      | not a valid barcode",
            "841485055743       | not a valid barcode",
            "4006381333931      | not in the catalog",
            "eggs               | not a barcode",
            "2.5*8414850557430  | whole number",
            "0*8414850557430    | from 1 to 9,999",
            "0*8471933596977    | more than 0",
    })
    void badInputIsRefusedWithAClearMessageAndChangesNothing(String input, String message) {
        scan(TestTill.EGGS);

        scan(input);

        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains(message);
        assertThat(model.rows()).hasSize(1);
        assertThat(model.totalProperty().get()).isEqualTo("€3.29");
    }

    @Test
    void anEmptyScanDoesNothing() {
        scan("   ");

        assertThat(model.rows()).isEmpty();
        assertThat(model.messageIsErrorProperty().get()).isFalse();
    }
}
