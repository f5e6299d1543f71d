package org.omnitill.desktop.sell;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.omnitill.core.catalog.CatalogRepository;
import org.omnitill.core.catalog.Gtin;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.Cart;
import org.omnitill.core.sale.CartLine;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sell screen: the scan field, the cart and its totals. Lookups run in the background; the
 * cart itself is the engine's pure {@link Cart}.
 */
public final class SellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SellViewModel.class);
    private static final BigDecimal MAX_PIECES = new BigDecimal("9999");
    private static final BigDecimal MAX_KG = new BigDecimal("999.999");

    private final CatalogRepository catalog;
    private final Tasks tasks;
    private final Messages messages;
    private final Cart cart;

    private final StringProperty scanText = new SimpleStringProperty("");
    private final ObservableList<CartRow> rows = FXCollections.observableArrayList();
    private final StringProperty total = new SimpleStringProperty();
    private final StringProperty itemCount = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final IntegerProperty lastChangedRow = new SimpleIntegerProperty(-1);
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public SellViewModel(CatalogRepository catalog, java.util.Currency currency, Tasks tasks, Messages messages) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.messages = messages;
        this.cart = new Cart(currency);
        refresh();
        message.set(messages.get("sell.ready"));
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
        if (!input.code().chars().allMatch(Character::isDigit)) {
            error(messages.format("sell.error.notABarcode", input.code()));
            return;
        }
        if (!Gtin.isValid(input.code())) {
            error(messages.format("sell.error.badBarcode", input.code()));
            return;
        }
        busy.set(true);
        tasks.run(() -> catalog.findByBarcode(input.code()))
                .onSuccess(found -> onLookup(input, found))
                .onFailure(e -> {
                    LOG.error("catalog lookup of {} failed", input.code(), e);
                    error(messages.get("sell.error.lookupFailed"));
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    private void onLookup(ScanInput input, Optional<Product> found) {
        if (found.isEmpty()) {
            error(messages.format("sell.error.unknownBarcode", input.code()));
            return;
        }
        Product product = found.get();
        BigDecimal quantity;
        if (product.unit() == Unit.KG) {
            if (input.quantity().isEmpty()) {
                error(messages.format("sell.error.weightNeeded", product.name(), input.code()));
                return;
            }
            quantity = input.quantity().get();
            if (quantity.signum() <= 0 || quantity.compareTo(MAX_KG) > 0) {
                error(messages.format("sell.error.weightRange", MAX_KG));
                return;
            }
        } else {
            quantity = input.quantity().orElse(BigDecimal.ONE);
            if (quantity.stripTrailingZeros().scale() > 0) {
                error(messages.format("sell.error.wholeQuantity", product.name()));
                return;
            }
            if (quantity.signum() <= 0 || quantity.compareTo(MAX_PIECES) > 0) {
                error(messages.format("sell.error.quantityRange", MAX_PIECES));
                return;
            }
        }
        int index = cart.add(product, quantity);
        refresh();
        lastChangedRow.set(index);
        messageIsError.set(false);
        message.set(messages.format("sell.added", product.name(), format(product.price())));
    }

    private void refresh() {
        rows.setAll(cart.lines().stream().map(this::row).toList());
        total.set(format(cart.total()));
        itemCount.set(messages.format("sell.items", cart.itemCount()));
    }

    private CartRow row(CartLine line) {
        NumberFormat quantityFormat = NumberFormat.getNumberInstance(messages.locale());
        quantityFormat.setMaximumFractionDigits(3);
        String quantity = quantityFormat.format(line.quantity())
                + (line.product().unit() == Unit.KG ? " kg" : "");
        return new CartRow(line.product().name(), quantity, format(line.product().price()), format(line.amount()));
    }

    private String format(Money money) {
        return money.format(messages.locale());
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    public StringProperty scanTextProperty() {
        return scanText;
    }

    public ObservableList<CartRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty itemCountProperty() {
        return itemCount;
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
}
