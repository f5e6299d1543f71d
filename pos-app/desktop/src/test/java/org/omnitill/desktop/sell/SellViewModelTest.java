package org.omnitill.desktop.sell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.Till;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.scan.BarcodeParser;
import org.omnitill.desktop.TestTill;

class SellViewModelTest {

    @TempDir
    Path dir;
    private Till till;
    private SellViewModel model;
    private final List<CompletedSale> completed = new ArrayList<>();

    @BeforeEach
    void openDemoTill() throws Exception {
        till = TestTill.demo(dir);
        model = newModel();
    }

    private final List<Permission> approvalsAsked = new ArrayList<>();

    /** The cashier Alex, with Marta (manager) approving whatever Alex may not do, as the dialog would. */
    private SellViewModel newModel() {
        var alex = till.logins().activeStaff().get(0);
        var marta = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
        SellViewModel created = new SellViewModel(till.sales(), till.store().session().catalog(), till.store().session().search(),
                BarcodeParser.defaults(), alex, till.settings().taxMode(), TestTill.directTasks(),
                TestTill.english(), completed::add);
        created.setApprovalPrompt((permission, why, onApproved, onRefused) -> {
            approvalsAsked.add(permission);
            onApproved.accept(till.logins().approve(permission, alex, marta, "2222".toCharArray()));
        });
        return created;
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private void scan(String text) {
        model.scanTextProperty().set(text);
        model.submitScan();
    }

    private void select(int line) {
        model.selectedLineProperty().set(line);
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
        assertThat(model.summaryProperty().get()).isEqualTo("Tax included: €0.30"); // 3.29 x 10/110
        assertThat(model.scanTextProperty().get()).isEmpty();
        assertThat(model.messageIsErrorProperty().get()).isFalse();
    }

    @Test
    void aScannedItemShowsItsStockAtEveryLocationTheHubReported() {
        model.setStockLookup(sku -> sku.equals(till.store().session().catalog().findByBarcode(TestTill.EGGS).orElseThrow().sku())
                ? List.of(new org.omnitill.core.sync.StockLevel("DEMO", "Demo Market", sku, new java.math.BigDecimal("12.000")),
                        new org.omnitill.core.sync.StockLevel("WH", "Central warehouse", sku, new java.math.BigDecimal("80.000")))
                : List.of());

        scan(TestTill.EGGS);
        assertThat(model.stockLevelsProperty().get()).isEqualTo("Stock (hub): Demo Market 12 · Central warehouse 80");
        scan(TestTill.TOMATOES);
        assertThat(model.stockLevelsProperty().get()).isEqualTo("Stock: no figures from the hub for this product");
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
            "8414850557431      | wrong check digit",
            "841485055743       | wrong check digit",
            "84148505574        | wrong length",
            "4006381333931      | not in the catalog",
            "eggs               | not a barcode",
            "2.5*8414850557430  | whole number",
            "0*8414850557430    | more than zero",
            "5000*8414850557430 | at most 999",
            "0*8471933596977    | more than zero",
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
    void aPromotionFromTheHubShowsOnItsLineByName() {
        String sku = till.store().session().catalog().findByBarcode(TestTill.TOMATOES).orElseThrow().sku();
        till.store().session().promotions().save(new org.omnitill.core.sale.Promotion("TOM3", "Tomatoes 3 for 3.50",
                org.omnitill.core.sale.Promotion.Kind.MULTI_BUY, null, 3, new java.math.BigDecimal("3.50"),
                java.util.Set.of(sku), java.time.Instant.parse("2026-01-01T00:00:00Z"), null));
        model = newModel(); // a new sale takes the promotions in force

        scan("3*" + TestTill.TOMATOES);

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.amount()).isEqualTo("€3.50");
            assertThat(row.note()).contains("Tomatoes 3 for 3.50: €0.67 off");
        });
    }

    @Test
    void discountsPriceChangesAndVoidsWorkOnTheSelectedLine() {
        scan(TestTill.EGGS);
        scan("2*" + TestTill.TOMATOES);

        select(1);
        model.discountLine("10%");
        assertThat(model.rows().get(0).amount()).isEqualTo("€2.96"); // 3.29 - 0.33
        select(2);
        model.overridePrice("1.00");
        assertThat(approvalsAsked).containsExactly(Permission.PRICE_OVERRIDE); // a cashier needs a supervisor for it
        assertThat(model.rows().get(1).amount()).isEqualTo("€2.00");
        assertThat(model.rows().get(1).note()).contains("price was €1.39");
        model.discountBasket("0.96");
        assertThat(model.totalProperty().get()).isEqualTo("€4.00");

        model.discountLine("150%");
        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("more than 100 %");

        select(1);
        model.voidLine();
        assertThat(model.rows()).singleElement().extracting(CartRow::name).asString().contains("Tomatoes");
    }

    @Test
    void splitPaymentCompletesTheSaleAndShowsTheChange() {
        scan(TestTill.EGGS);
        scan(TestTill.TOMATOES); // 4.68
        model.startPayment();
        assertThat(model.payingProperty().get()).isTrue();
        assertThat(model.dueProperty().get()).isEqualTo("Due €4.68");

        model.payCard("2.00", "VISA", "4242", "A1B2C3", "TRM-1");
        assertThat(completed).isEmpty();
        assertThat(model.dueProperty().get()).isEqualTo("Due €2.68");
        model.payCash("5");

        assertThat(completed).singleElement().satisfies(sale -> assertThat(sale.receiptNumber()).isEqualTo("T01-000001"));
        assertThat(model.changeProperty().get()).isEqualTo("Change €2.32");
        assertThat(model.payingProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Sale T01-000001 done.");
    }

    @Test
    void aFullCardNumberIsRefusedAndNothingIsPaid() {
        scan(TestTill.EGGS);
        model.startPayment();

        model.payCard("", "VISA", "4111111111111111", "", "");

        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.tenders()).isEmpty();
        assertThat(completed).isEmpty();
    }

    @Test
    void aReturnAgainstTheReceiptRefundsAndNeverMoreThanWasSold() {
        scan("2*" + TestTill.EGGS);
        model.startPayment();
        model.payCash("");
        String receipt = completed.get(0).receiptNumber();

        List<SaleRepository.SoldReceipt> found = new ArrayList<>();
        model.findReceipt("R-" + receipt, found::add);
        assertThat(found).singleElement().extracting(SaleRepository.SoldReceipt::receiptNumber).isEqualTo(receipt);

        model.returnFromReceipt(found.get(0), Map.of(1, "3"));
        assertThat(model.messageProperty().get()).contains("Return refused", "only 2");
        assertThat(model.rows()).isEmpty();

        model.returnFromReceipt(found.get(0), Map.of(1, "1"));
        assertThat(model.totalProperty().get()).isEqualTo("-€3.29");
        model.startPayment();
        assertThat(model.dueProperty().get()).isEqualTo("Refund €3.29");
        model.payCash("");
        assertThat(completed).hasSize(2);
        assertThat(completed.get(1).isRefund()).isTrue();
    }

    @Test
    void anExchangeNetsAReturnWithoutReceiptAgainstANewItem() {
        model.returnWithoutReceipt(TestTill.TOMATOES, "1", "");
        scan(TestTill.EGGS);

        assertThat(model.rows()).hasSize(2);
        assertThat(model.rows().get(0).note()).contains("return without receipt");
        assertThat(model.totalProperty().get()).isEqualTo("€1.90"); // 3.29 - 1.39
        model.startPayment();
        model.payCash("");
        assertThat(completed).singleElement().satisfies(sale -> assertThat(sale.lines()).hasSize(2));
    }

    @Test
    void aReturnWithoutReceiptNeedsAValidBarcode() {
        model.returnWithoutReceipt("12345", "1", "");

        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void anUnknownReceiptSaysSo() {
        model.findReceipt("T01-000777", receipt -> { });

        assertThat(model.messageProperty().get()).isEqualTo("Receipt T01-000777 is not on this till.");
    }

    @Test
    void typingANameSearchesAsYouTypeAndAResultCanBeAdded() {
        model.scanTextProperty().set("cherry tom");

        assertThat(model.searchResults()).extracting(org.omnitill.core.catalog.ProductSearch.Hit::name)
                .contains("La Huerta Cherry Tomatoes 250 g");
        model.addSearchResult(model.searchResults().get(0));

        assertThat(model.rows()).singleElement().extracting(CartRow::name).isEqualTo("La Huerta Cherry Tomatoes 250 g");
        assertThat(model.searchResults()).isEmpty();
        assertThat(model.scanTextProperty().get()).isEmpty();
    }

    @Test
    void aParkedSaleCanBeRecalledByTheNextCashierView() {
        scan(TestTill.EGGS);
        model.park("Mrs Lopez");
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).contains("Mrs Lopez");

        SellViewModel later = newModel();
        List<org.omnitill.core.sale.ParkedSaleRepository.Summary> parked = new ArrayList<>();
        later.listParked(parked::addAll);
        later.recall(parked.get(0));

        assertThat(later.rows()).singleElement().extracting(CartRow::name).asString().contains("Eggs");
        assertThat(later.totalProperty().get()).isEqualTo("€3.29");
    }

    @Test
    void quickKeysOfferFavouritesFirstThenCategoriesAndFavouritesAreTheBestSellers() {
        List<String> groups = new ArrayList<>();
        model.quickKeyGroups(groups::addAll);
        assertThat(groups).first().isEqualTo(SellViewModel.FAVOURITES);
        assertThat(groups).contains("Dairy & Eggs", "Fruit & Vegetables");

        List<org.omnitill.core.catalog.ProductSearch.Hit> dairy = new ArrayList<>();
        model.quickKeys("Dairy & Eggs", dairy::addAll);
        assertThat(dairy).isNotEmpty().allSatisfy(hit -> assertThat(hit.category()).isEqualTo("Dairy & Eggs"));

        scan(TestTill.TOMATOES);
        model.startPayment();
        model.payCash("");
        List<org.omnitill.core.catalog.ProductSearch.Hit> favourites = new ArrayList<>();
        model.quickKeys(SellViewModel.FAVOURITES, favourites::addAll);
        assertThat(favourites).extracting(org.omnitill.core.catalog.ProductSearch.Hit::name)
                .containsExactly("La Huerta Cherry Tomatoes 250 g");
        model.addSearchResult(favourites.get(0));
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void digitsDoNotSearch() {
        model.scanTextProperty().set("84148");

        assertThat(model.searchResults()).isEmpty();
    }

    @Test
    void anEmptyScanDoesNothing() {
        scan("   ");

        assertThat(model.rows()).isEmpty();
        assertThat(model.messageIsErrorProperty().get()).isFalse();
    }

    @Test
    void aScanFromAScannerAddsTheItemWhereverTheFocusWasAndKeepsATypedQuantity() {
        model.scanTextProperty().set("3*");

        model.scanned(TestTill.EGGS);

        assertThat(model.rows()).singleElement().satisfies(row -> assertThat(row.quantity()).isEqualTo("3"));
        assertThat(model.scanTextProperty().get()).isEmpty();
    }

    @Test
    void cardTrackDataFromAReaderIsRefusedAndNeverShown() {
        model.scanned("%B4111111111111111^DOE/JOHN^2512101000000000?");

        assertThat(model.rows()).isEmpty();
        assertThat(model.messageIsErrorProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).doesNotContain("4111");
    }
}
