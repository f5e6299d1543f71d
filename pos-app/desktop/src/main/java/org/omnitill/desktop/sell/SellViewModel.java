package org.omnitill.desktop.sell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.ProductSearch;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.sale.LineTotal;
import org.omnitill.core.sale.Payment;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleException;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.sale.SaleLine;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.sale.SaleService;
import org.omnitill.core.sale.SaleTotals;
import org.omnitill.core.scan.BarcodeParser;
import org.omnitill.core.scan.Scan;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tender.Tender;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sell screen: scan, change lines, take payment, complete. The sale itself is the engine's
 * {@link Sale}; lookups and completion run in the background through {@link Tasks}, one at a time and
 * in order. A refused action shows its reason and changes nothing.
 */
public final class SellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SellViewModel.class);

    private final SaleService sales;
    private final CatalogRepository catalog;
    private final ProductSearch search;
    private final ObservableList<ProductSearch.Hit> searchResults = FXCollections.observableArrayList();
    private final BarcodeParser parser;
    private final StaffMember cashier;
    private final TaxMode taxMode;
    private final Tasks tasks;
    private final Messages messages;
    private final Consumer<CompletedSale> onCompleted;
    private Sale sale;

    private final StringProperty scanText = new SimpleStringProperty("");
    private final ObservableList<CartRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty selectedLine = new SimpleIntegerProperty(0);
    private final StringProperty total = new SimpleStringProperty();
    private final StringProperty itemCount = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final IntegerProperty lastChangedRow = new SimpleIntegerProperty(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty paying = new SimpleBooleanProperty();
    private final StringProperty due = new SimpleStringProperty("");
    private final StringProperty dueInCash = new SimpleStringProperty("");
    private final ObservableList<String> tenders = FXCollections.observableArrayList();
    private final StringProperty change = new SimpleStringProperty("");
    private final StringProperty lastLine = new SimpleStringProperty("");
    private final StringProperty stockLevels = new SimpleStringProperty("");
    private java.util.function.Function<String, java.util.List<org.omnitill.core.sync.StockLevel>> stockLookup;
    private long stockGeneration;
    private final ObjectProperty<CompletedSale> lastCompleted = new SimpleObjectProperty<>();

    /**
     * Asks a supervisor to approve one action the cashier may not do: who approves and their PIN.
     * The view shows a dialog; the answer comes back through {@code onApproved}.
     */
    public interface ApprovalPrompt {
        void ask(Permission permission, String why, Consumer<Approval> onApproved, Consumer<String> onRefused);
    }

    private ApprovalPrompt approvalPrompt;
    private Consumer<String> signOutRecorder = reason -> { };

    /** Records a sign-out (a journal document); runs off the FX thread. */
    public void setSignOutRecorder(Consumer<String> recorder) {
        this.signOutRecorder = recorder;
    }

    /**
     * Leaves the till for the sign-in screen: a sale with lines is parked under the cashier's name
     * (recall it after signing in again), an empty one is dropped, and the sign-out is recorded.
     * Refused while a payment is being taken.
     *
     * @param reason e.g. {@code signed out}, {@code locked after idle}
     */
    public void signOut(String reason, Runnable then) {
        if (paying.get()) {
            error(messages.get("sell.error.payingSignOut"));
            return;
        }
        Sale current = sale;
        String label = messages.format("sell.parkedOnSignOut", cashier.displayName());
        background(() -> {
            if (current.isEmpty()) {
                sales.discard(current);
            } else {
                sales.park(current, label);
            }
            signOutRecorder.accept(reason);
            return null;
        }, none -> then.run());
    }

    /** Shows a notice in the message line, e.g. that no shift is open. */
    public void notice(String text) {
        info(text);
    }

    /** True while a payment is being taken (the till does not lock then). */
    public boolean isPaying() {
        return paying.get();
    }

    public void setApprovalPrompt(ApprovalPrompt prompt) {
        this.approvalPrompt = prompt;
    }

    public SellViewModel(SaleService sales, CatalogRepository catalog, ProductSearch search, BarcodeParser parser,
                         StaffMember cashier, TaxMode taxMode, Tasks tasks, Messages messages,
                         Consumer<CompletedSale> onCompleted) {
        this.sales = sales;
        this.catalog = catalog;
        this.search = search;
        this.parser = parser;
        this.cashier = cashier;
        this.taxMode = taxMode;
        this.tasks = tasks;
        this.messages = messages;
        this.onCompleted = onCompleted;
        this.sale = sales.newSale(cashier);
        scanText.addListener((obs, old, text) -> searchAsYouType(text));
        refresh();
        info(messages.get("sell.ready"));
    }

    // ---- search as you type --------------------------------------------------------------------

    private static final int SEARCH_RESULTS = 20;
    private long searchGeneration;

    private void searchAsYouType(String text) {
        String query = text == null ? "" : text.strip();
        long generation = ++searchGeneration;
        if (query.length() < 2 || query.chars().noneMatch(Character::isLetter)) {
            searchResults.clear();
            return;
        }
        tasks.run(() -> search.search(query, SEARCH_RESULTS))
                .onSuccess(hits -> {
                    if (generation == searchGeneration) { // a later keystroke has its own search
                        searchResults.setAll(hits);
                    }
                })
                .onFailure(e -> LOG.error("product search for '{}' failed", query, e))
                .start();
    }

    /** The cashier picked a search result: one of it is added (weighed goods ask for the weight). */
    public void addSearchResult(ProductSearch.Hit hit) {
        scanText.set("");
        searchResults.clear();
        background(() -> catalog.findBySku(hit.sku()), found -> {
            if (found.isEmpty()) {
                error(messages.format("sell.error.unknownBarcode", hit.sku()));
                return;
            }
            Product product = found.get();
            if (product.unit() == Unit.KG) {
                error(messages.format("sell.error.weightNeeded", product.name(),
                        product.barcodes().isEmpty() ? product.sku() : product.barcodes().get(0)));
                return;
            }
            act(() -> sale.add(product, BigDecimal.ONE), line -> added(line, product.name()));
        });
    }

    // ---- quick keys ----------------------------------------------------------------------------

    private static final int QUICK_KEYS = 40;

    /** The quick-key groups: favourites (best sellers on this till) first, then the categories. */
    public void quickKeyGroups(Consumer<java.util.List<String>> show) {
        background(search::categories, categories -> {
            java.util.List<String> groups = new java.util.ArrayList<>();
            groups.add(FAVOURITES);
            groups.addAll(categories);
            show.accept(groups);
        });
    }

    /** The products of one quick-key group. */
    public void quickKeys(String group, Consumer<java.util.List<ProductSearch.Hit>> show) {
        background(() -> FAVOURITES.equals(group) ? search.favourites(QUICK_KEYS) : search.inCategory(group, QUICK_KEYS),
                show);
    }

    /** The name of the favourites group (shown translated by the view). */
    public static final String FAVOURITES = "\u0000favourites";

    public ObservableList<ProductSearch.Hit> searchResults() {
        return searchResults;
    }

    // ---- scanning ------------------------------------------------------------------------------

    /**
     * A scanner read {@code code} (a keyboard-wedge burst recognised by its timing, or a serial
     * scanner), wherever the focus was. A quantity typed before it ({@code 3*}) still applies. Payment
     * card data from a stripe reader is refused and never shown.
     */
    public void scanned(String code) {
        if (org.omnitill.core.hardware.CardData.looksLikeCardData(code)) {
            error(messages.get("sell.error.cardData"));
            return;
        }
        if (paying.get()) {
            error(messages.get("sell.error.scanWhilePaying"));
            return;
        }
        String typed = scanText.get() == null ? "" : scanText.get().strip();
        scanText.set(typed.matches("\\d{1,4}(?:[.,]\\d{1,3})?\\s*\\*") ? typed + code.strip() : code.strip());
        submitScan();
    }

    /** The cashier pressed Enter in the scan field (or a scanner sent its suffix). */
    public void submitScan() {
        String text = scanText.get();
        scanText.set("");
        ScanInput input;
        try {
            input = ScanInput.parse(text);
        } catch (NumberFormatException e) {
            error(messages.format("sell.error.quantity", text));
            return;
        }
        if (input.code().isEmpty()) {
            return;
        }
        change.set("");
        if (input.code().chars().anyMatch(Character::isLetter) && !searchResults.isEmpty()
                && parser.parse(input.code()) instanceof Scan.Rejected) {
            if (searchResults.size() == 1) {
                addSearchResult(searchResults.get(0));
            } else {
                scanText.set(text); // keep the words; the cashier picks from the list
                info(messages.format("sell.pickResult", searchResults.size()));
            }
            return;
        }
        Scan scan = parser.parse(input.code());
        switch (scan) {
            case Scan.Item item -> lookUp(item, input.quantity());
            case Scan.VariableMeasure measure -> lookUpMeasured(measure);
            case Scan.Receipt receipt -> error(messages.format("sell.receiptScanned", receipt.receiptNumber()));
            case Scan.Rejected rejected -> error(messages.format("scan.error." + rejected.reason().name(), rejected.input()));
            default -> error(messages.format("sell.error.notSellable", input.code()));
        }
    }

    private void lookUp(Scan.Item item, Optional<BigDecimal> quantity) {
        background(() -> findItem(item), found -> {
            if (found.isEmpty()) {
                error(messages.format("sell.error.unknownBarcode", item.gtin()));
                return;
            }
            Product product = found.get();
            if (product.unit() == Unit.KG && quantity.isEmpty()) {
                error(messages.format("sell.error.weightNeeded", product.name(), item.gtin()));
                return;
            }
            act(() -> sale.add(product, quantity.orElse(BigDecimal.ONE)), line -> added(line, product.name()));
        });
    }

    /** The product of a scanned item, trying the GTIN in each length the catalog may hold it in. */
    private Optional<Product> findItem(Scan.Item item) {
        for (String key : item.lookupKeys()) {
            Optional<Product> found = catalog.findByBarcode(key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** After a line was added or grew: select it, show it to the customer, say so. */
    private void added(SaleLine line, String name) {
        lastChangedRow.set(line.number() - 1);
        showLastLine(line);
        info(messages.format("sell.added", name, format(line.unitPrice())));
        showStock(line.product().sku());
    }

    /**
     * Where the store's stock of a product is, as the hub last reported it (every location: this
     * store, the other stores, the warehouse, online). Empty when the till has no figures.
     */
    public void setStockLookup(java.util.function.Function<String, java.util.List<org.omnitill.core.sync.StockLevel>> lookup) {
        this.stockLookup = lookup;
    }

    private void showStock(String sku) {
        if (stockLookup == null) {
            return;
        }
        long generation = ++stockGeneration;
        tasks.run(() -> stockLookup.apply(sku))
                .onSuccess(levels -> {
                    if (generation != stockGeneration) {
                        return; // a later line asked meanwhile
                    }
                    if (levels.isEmpty()) {
                        stockLevels.set(messages.get("sell.stock.unknown"));
                        return;
                    }
                    java.util.List<String> parts = new java.util.ArrayList<>();
                    for (org.omnitill.core.sync.StockLevel level : levels) {
                        parts.add(messages.format("sell.stock.at", level.locationName(),
                                level.onHand().stripTrailingZeros().toPlainString()));
                    }
                    stockLevels.set(messages.format("sell.stock", String.join(" · ", parts)));
                })
                .onFailure(e -> LOG.warn("stock levels of {} could not be read", sku, e))
                .start();
    }

    public ReadOnlyStringProperty stockLevelsProperty() {
        return stockLevels;
    }

    private void lookUpMeasured(Scan.VariableMeasure measure) {
        background(() -> catalog.findBySku(measure.itemCode()), found -> {
            if (found.isEmpty()) {
                error(messages.format("sell.error.unknownInStoreCode", measure.itemCode(), measure.raw()));
                return;
            }
            Product product = found.get();
            act(() -> switch (measure.kind()) {
                case WEIGHT -> sale.add(product, measure.value());
                case PRICE -> sale.addLabelled(product, measure.price(product.price().currency()));
            }, line -> added(line, product.name()));
        });
    }

    private void showLastLine(SaleLine line) {
        CartRow row = rows.get(line.number() - 1);
        lastLine.set(row.name() + "\n" + row.quantity() + " \u00d7 " + row.unitPrice() + " = " + row.amount());
    }

    // ---- line and basket changes ---------------------------------------------------------------

    public void changeQuantity(String text) {
        withSelectedLine(line -> act(() -> sale.setQuantity(line, number(text)),
                changed -> info(messages.get("sell.done.quantity"))));
    }

    public void overridePrice(String text) {
        withSelectedLine(line -> act(() -> sale.overridePrice(line, money(text)),
                changed -> info(messages.get("sell.done.price"))));
    }

    /** {@code 10%} takes ten percent off; {@code 1.50} takes 1.50 off. */
    public void discountLine(String text) {
        withSelectedLine(line -> act(() -> sale.discountLine(line, discount(text)),
                changed -> info(messages.get("sell.done.discount"))));
    }

    public void discountBasket(String text) {
        act(() -> {
            sale.discountBasket(discount(text));
            return null;
        }, none -> info(messages.get("sell.done.basketDiscount")));
    }

    public void voidLine() {
        withSelectedLine(line -> act(() -> {
            sale.voidLine(line, java.time.Instant.now());
            return null;
        }, none -> info(messages.get("sell.done.voidLine"))));
    }

    public void voidSale() {
        if (sale.isEmpty()) {
            return;
        }
        background(() -> {
            sales.voidSale(sale);
            return null;
        }, none -> {
            sale = sales.newSale(cashier);
            paying.set(false);
            refresh();
            info(messages.get("sell.done.voidSale"));
        });
    }

    // ---- returns -------------------------------------------------------------------------------

    /** Looks up a past receipt (typed or scanned) and hands it to {@code chooser} to pick lines. */
    public void findReceipt(String text, Consumer<SaleRepository.SoldReceipt> chooser) {
        String number = text == null ? "" : text.strip();
        Scan scan = parser.parse(number);
        String receiptNumber = scan instanceof Scan.Receipt receipt ? receipt.receiptNumber() : number;
        if (receiptNumber.isEmpty()) {
            return;
        }
        background(() -> sales.findReceipt(receiptNumber), found -> found.ifPresentOrElse(chooser,
                () -> error(messages.format("sell.error.unknownReceipt", receiptNumber))));
    }

    /**
     * Adds return lines for the quantities typed per line of a past receipt (line number to text;
     * blank means none). All of them or none: one bad quantity adds nothing.
     */
    public void returnFromReceipt(SaleRepository.SoldReceipt receipt, Map<Integer, String> quantities) {
        act(() -> {
            Map<Integer, BigDecimal> parsed = new java.util.LinkedHashMap<>();
            quantities.forEach((line, text) -> {
                if (text != null && !text.isBlank()) {
                    parsed.put(line, number(text));
                }
            });
            return sales.returnFromReceipt(sale, receipt, parsed).size();
        }, added -> info(messages.format("sell.done.return", added, receipt.receiptNumber())));
    }

    // ---- park and recall -----------------------------------------------------------------------

    /** Puts the sale aside (it survives a restart) and starts a new one. */
    public void park(String label) {
        if (sale.isEmpty()) {
            error(messages.get("sell.error.emptySale"));
            return;
        }
        Sale parked = sale;
        background(() -> sales.park(parked, label), summary -> {
            sale = sales.newSale(cashier);
            paying.set(false);
            refresh();
            info(messages.format("sell.done.park", summary.label()));
        });
    }

    /** Loads the parked sales and hands them to {@code chooser}. */
    public void listParked(Consumer<java.util.List<org.omnitill.core.sale.ParkedSaleRepository.Summary>> chooser) {
        background(sales::parked, parked -> {
            if (parked.isEmpty()) {
                info(messages.get("sell.noParked"));
            } else {
                chooser.accept(parked);
            }
        });
    }

    /** Brings a parked sale back onto the screen; the current sale must be empty. */
    public void recall(org.omnitill.core.sale.ParkedSaleRepository.Summary parked) {
        if (!sale.isEmpty()) {
            error(messages.get("sell.error.saleInProgress"));
            return;
        }
        background(() -> sales.recall(parked.id(), cashier), recalled -> {
            sale = recalled;
            refresh();
            info(messages.format("sell.done.recall", parked.label()));
        });
    }

    // ---- reprint -------------------------------------------------------------------------------

    /** How the screen reprints a receipt: the number, and where to report a failure. */
    public interface Reprinter {
        void reprint(String receiptNumber, Consumer<String> onError);
    }

    private Reprinter reprinter = (number, onError) -> onError.accept("no printer");

    public void setReprinter(Reprinter reprinter) {
        this.reprinter = reprinter;
    }

    /** Reprints a receipt (typed or scanned); an empty entry reprints the last sale's. */
    public void reprint(String text) {
        String entered = text == null ? "" : text.strip();
        String number = entered.isEmpty() && lastCompleted.get() != null ? lastCompleted.get().receiptNumber()
                : parser.parse(entered) instanceof Scan.Receipt receipt ? receipt.receiptNumber() : entered;
        if (number.isEmpty()) {
            error(messages.get("sell.error.noReceipt"));
            return;
        }
        info(messages.format("sell.done.reprint", number));
        reprinter.reprint(number, this::error);
    }

    /**
     * A return without a receipt (its own permission): the item by barcode, how many, and the refund
     * per unit (empty: the current shelf price).
     */
    public void returnWithoutReceipt(String barcode, String quantityText, String refundText) {
        Scan scan = parser.parse(barcode);
        if (!(scan instanceof Scan.Item item)) {
            error(scan instanceof Scan.Rejected rejected
                    ? messages.format("scan.error." + rejected.reason().name(), rejected.input())
                    : messages.format("sell.error.notSellable", barcode));
            return;
        }
        background(() -> findItem(item), found -> {
            if (found.isEmpty()) {
                error(messages.format("sell.error.unknownBarcode", item.gtin()));
                return;
            }
            Product product = found.get();
            act(() -> sale.addReturn(org.omnitill.core.sale.ProductRef.of(product),
                    quantityText == null || quantityText.isBlank() ? BigDecimal.ONE : number(quantityText),
                    refundText == null || refundText.isBlank() ? product.price() : money(refundText), null),
                    line -> {
                        lastChangedRow.set(line.number() - 1);
                        info(messages.format("sell.done.returnNoReceipt", product.name()));
                    });
        });
    }

    // ---- payment -------------------------------------------------------------------------------

    public void startPayment() {
        if (sale.isEmpty()) {
            error(messages.get("sell.error.emptySale"));
            return;
        }
        paying.set(true);
        refresh();
        info(messages.get(sale.payment().refund() ? "pay.refundPrompt" : "pay.prompt"));
    }

    /** Cash handed over; an empty amount means exactly what is due in cash. */
    public void payCash(String text) {
        act(() -> {
            Money amount = text == null || text.isBlank() ? sale.payment().remaining() : money(text);
            sale.addTender(new Tender.Cash(amount));
            return null;
        }, none -> afterTender());
    }

    /** A card payment approved on the terminal; an empty amount means all that is due. */
    public void payCard(String amountText, String brand, String last4, String approvalCode, String terminalReference) {
        act(() -> {
            Money amount = amountText == null || amountText.isBlank() ? sale.payment().remainingByCard() : money(amountText);
            sale.addTender(new Tender.Card(amount, brand, last4, terminalReference, approvalCode));
            return null;
        }, none -> afterTender());
    }

    /** Takes the payments back; the lines can change again. */
    public void cancelPayment() {
        if (sale.state() == Sale.State.TENDERING) {
            sale.clearTenders();
        }
        paying.set(false);
        refresh();
        info(messages.get("pay.cancelled"));
    }

    private void afterTender() {
        if (!sale.payment().isSettled()) {
            info(messages.format("pay.remaining", format(sale.payment().remaining())));
            return;
        }
        Sale paid = sale;
        background(() -> sales.complete(paid), done -> {
            lastCompleted.set(done);
            Payment payment = done.payment();
            change.set(payment.change().isZero() ? "" : messages.format("pay.change", format(payment.change())));
            sale = sales.newSale(cashier);
            paying.set(false);
            lastLine.set(messages.format("display.thanks", done.receiptNumber()));
            refresh();
            info(messages.format(done.isRefund() ? "pay.refunded" : "pay.completed", done.receiptNumber()));
            onCompleted.accept(done);
        });
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private interface SaleAction<T> {
        T run();
    }

    /** Runs a sale change on the UI thread (pure domain, no I/O) and shows refusals plainly. */
    private <T> void act(SaleAction<T> action, Consumer<T> after) {
        try {
            T result = action.run();
            refresh();
            after.accept(result);
        } catch (SaleException e) {
            if (!askApproval(e, () -> act(action, after))) {
                error(messages.format("sale.error." + e.code().name(), e.getMessage()));
            }
        } catch (NumberFormatException e) {
            error(messages.get("sell.error.number"));
        }
    }

    private <T> void background(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess) {
        busy.set(true);
        tasks.run(work)
                .onSuccess(onSuccess)
                .onFailure(e -> {
                    if (e instanceof SaleException refused) {
                        if (!askApproval(refused, () -> background(work, onSuccess))) {
                            error(messages.format("sale.error." + refused.code().name(), refused.getMessage()));
                        }
                    } else {
                        LOG.error("till operation failed", e);
                        error(messages.get("sell.error.failed"));
                    }
                    refresh();
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    /**
     * When {@code refused} is for want of a permission, asks for a supervisor's approval and, once
     * given, holds it on the sale and runs {@code retry}. False when there is nothing to approve.
     */
    private boolean askApproval(SaleException refused, Runnable retry) {
        if (approvalPrompt == null || refused.permission().isEmpty()) {
            return false;
        }
        Permission permission = refused.permission().get();
        info(messages.format("approval.needed", messages.get("permission." + permission.name())));
        Sale asked = sale;
        approvalPrompt.ask(permission, refused.getMessage(), approval -> {
            if (asked != sale) {
                return; // the sale changed while the supervisor came over
            }
            asked.approve(approval);
            info(messages.format("approval.given", approval.approver().displayName()));
            retry.run();
        }, this::error);
        return true;
    }

    private void withSelectedLine(java.util.function.IntConsumer action) {
        int line = selectedLine.get();
        if (line < 1 || line > sale.lines().size()) {
            error(messages.get("sell.error.noLine"));
            return;
        }
        action.accept(line);
    }

    private void refresh() {
        SaleTotals totals = sale.totals();
        rows.setAll(sale.lines().stream().map(line -> row(line, totals.lines().get(line.number() - 1))).toList());
        total.set(format(totals.total()));
        long pieces = sale.lines().stream()
                .mapToLong(l -> l.product().unit() == Unit.EACH ? l.quantity().abs().longValue() : 1).sum();
        itemCount.set(messages.format("sell.items", pieces));
        StringBuilder text = new StringBuilder();
        if (!totals.discounts().isZero()) {
            text.append(messages.format("sell.summary.discounts", format(totals.discounts()))).append('\n');
        }
        text.append(messages.format(taxMode == TaxMode.INCLUSIVE ? "sell.summary.taxIncluded" : "sell.summary.taxAdded",
                format(totals.taxTotal())));
        summary.set(text.toString());
        if (!sale.isEmpty()) {
            Payment payment = sale.payment();
            due.set(messages.format(payment.refund() ? "pay.toRefund" : "pay.due", format(payment.remainingByCard())));
            dueInCash.set(payment.remaining().equals(payment.remainingByCard()) ? ""
                    : messages.format("pay.dueInCash", format(payment.remaining())));
        } else {
            due.set("");
            dueInCash.set("");
        }
        tenders.setAll(sale.tenders().stream().map(this::describe).toList());
    }

    private String describe(Tender tender) {
        return switch (tender) {
            case Tender.Cash cash -> messages.format("pay.tender.cash", format(cash.amount()));
            case Tender.Card card -> messages.format("pay.tender.card", format(card.amount()),
                    card.brand() == null ? "" : card.brand(), card.last4() == null ? "" : "****" + card.last4());
        };
    }

    private CartRow row(SaleLine line, LineTotal total) {
        NumberFormat quantityFormat = NumberFormat.getNumberInstance(messages.locale());
        quantityFormat.setMaximumFractionDigits(3);
        String quantity = quantityFormat.format(line.quantity()) + (line.product().unit() == Unit.KG ? " kg" : "");
        StringBuilder note = new StringBuilder();
        if (line.returnOf() != null) {
            note.append(messages.format("sell.note.return", line.returnOf().receiptNumber()));
        } else if (line.isReturn()) {
            note.append(messages.get("sell.note.returnNoReceipt"));
        }
        if (line.isPriceOverridden()) {
            note.append(messages.format("sell.note.price", format(line.listPrice())));
        }
        if (!total.lineDiscount().isZero() || !total.basketDiscount().isZero()) {
            note.append(total.promotion() != null
                    ? messages.format("sell.note.promotion", total.promotion().name(), format(total.lineDiscount().plus(total.basketDiscount())))
                    : messages.format("sell.note.discount", format(total.lineDiscount().plus(total.basketDiscount()))));
        }
        return new CartRow(line.number(), line.product().name(), quantity, format(line.unitPrice()), format(total.amount()),
                note.toString().strip());
    }

    private BigDecimal number(String text) {
        return new BigDecimal(text.strip().replace(',', '.'));
    }

    private Money money(String text) {
        return Money.of(number(text), sale.currency());
    }

    private Discount discount(String text) {
        String value = text == null ? "" : text.strip();
        if (value.endsWith("%")) {
            return new Discount(Discount.Kind.PERCENT, number(value.substring(0, value.length() - 1)));
        }
        return new Discount(Discount.Kind.AMOUNT, number(value));
    }

    private String format(Money money) {
        return money.format(messages.locale());
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    // ---- properties ----------------------------------------------------------------------------

    public Locale locale() {
        return messages.locale();
    }

    public StringProperty scanTextProperty() {
        return scanText;
    }

    public ObservableList<CartRow> rows() {
        return rows;
    }

    public IntegerProperty selectedLineProperty() {
        return selectedLine;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty itemCountProperty() {
        return itemCount;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public ReadOnlyIntegerProperty lastChangedRowProperty() {
        return lastChangedRow;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty payingProperty() {
        return paying;
    }

    public ReadOnlyStringProperty dueProperty() {
        return due;
    }

    public ReadOnlyStringProperty dueInCashProperty() {
        return dueInCash;
    }

    public ObservableList<String> tenders() {
        return tenders;
    }

    public ReadOnlyStringProperty changeProperty() {
        return change;
    }

    /** The line rung up last, for the customer display. */
    public ReadOnlyStringProperty lastLineProperty() {
        return lastLine;
    }

    public ReadOnlyObjectProperty<CompletedSale> lastCompletedProperty() {
        return lastCompleted;
    }
}
