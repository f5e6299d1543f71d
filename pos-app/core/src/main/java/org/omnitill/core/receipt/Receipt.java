package org.omnitill.core.receipt;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.sale.LineTotal;
import org.omnitill.core.sale.SaleDocument;
import org.omnitill.core.sale.SaleLine;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tender.Tender;

/**
 * What a receipt says, independent of how it is printed: built from a completed sale (or from its
 * journal document, for a reprint) and the till's settings. {@link ReceiptTextRenderer} turns it
 * into monospaced text, {@link EscPosReceiptEncoder} into printer bytes; both lay it out the same
 * way through {@link ReceiptLayout}.
 *
 * <p>A receipt built from a {@link CompletedSale} and one built from that sale's journal document
 * are equal, so a reprint shows exactly what the original showed (plus the copy marker).
 *
 * @param copy          a reprint: printed with a "COPY" marker
 * @param headerLines   the settings' receipt header (address, tax id)
 * @param completedAt   when the sale was completed, in the till's time zone
 * @param items         the sold and returned lines, in ticket order
 * @param subtotal      sum of the lines before discounts (negative lines included)
 * @param discounts     line and basket discounts together, positive for money off
 * @param total         what the sale comes to before cash rounding (negative for a refund)
 * @param taxMode       whether the store's prices include tax ("incl.") or tax is added
 * @param refund        money went back to the customer
 * @param cashRounding  how much cash rounding moved the cash part (zero for none)
 * @param change        cash handed back
 * @param barcode       what the receipt's barcode encodes: its receipt number
 * @param qrCode        the feedback link with the receipt number; {@code null} without a feedback URL
 * @param locale        how numbers, money and dates are written, and the labels' language
 */
public record Receipt(boolean copy, String storeName, List<String> headerLines, ZonedDateTime completedAt,
                      String tillCode, String cashierName, String receiptNumber, UUID documentId, List<Item> items,
                      Money subtotal, Money discounts, Money taxTotal, Money total, TaxMode taxMode,
                      List<TaxLine> taxes, List<Tender> tenders, boolean refund, Money cashRounding, Money change,
                      String barcode, String qrCode, Locale locale) {

    public Receipt {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(taxMode, "taxMode");
        Objects.requireNonNull(locale, "locale");
        headerLines = List.copyOf(headerLines);
        items = List.copyOf(items);
        taxes = List.copyOf(taxes);
        tenders = List.copyOf(tenders);
    }

    /**
     * One line of the ticket.
     *
     * @param quantity        pieces, or kilograms for weighed goods; negative on a return line
     * @param gross           unit price times quantity (for a return: the exact refund of the original line)
     * @param lineDiscount    the line's own discount, positive for money off
     * @param discount        how that discount was given (percent or amount); {@code null} for none
     * @param basketDiscount  this line's share of the basket discount, positive for money off
     * @param amount          what the line comes to after both discounts
     * @param returnOf        the receipt number the returned goods were bought on; {@code null} if none
     * @param promotion       the name of the promotion the line discount comes from; {@code null} if none
     */
    public record Item(int number, String name, Unit unit, BigDecimal quantity, Money unitPrice, Money gross,
                       Money lineDiscount, Discount discount, Money basketDiscount, Money amount, String taxCode,
                       String returnOf, String promotion) {

        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(quantity, "quantity");
        }

        public boolean isReturn() {
            return quantity.signum() < 0;
        }

        public boolean isWeighed() {
            return unit == Unit.KG;
        }
    }

    /**
     * What the receipt's barcode holds: the receipt number behind the scanner's receipt prefix
     * ({@code R-T01-000042}), so that scanning it at the till opens the receipt for a return.
     */
    public static String barcodeOf(String receiptNumber) {
        return org.omnitill.core.scan.ScanPrefixes.defaults().receipt() + receiptNumber;
    }

    /** This receipt marked as a copy, for a reprint. */
    public Receipt asCopy() {
        return new Receipt(true, storeName, headerLines, completedAt, tillCode, cashierName, receiptNumber, documentId,
                items, subtotal, discounts, taxTotal, total, taxMode, taxes, tenders, refund, cashRounding, change,
                barcode, qrCode, locale);
    }

    public Currency currency() {
        return total.currency();
    }

    // ---- from a completed sale -------------------------------------------------------------------

    /** The receipt of a sale just completed, dated in the system's time zone. */
    public static Receipt of(CompletedSale sale, TillSettings settings, Locale locale) {
        return of(sale, settings, locale, ZoneId.systemDefault());
    }

    public static Receipt of(CompletedSale sale, TillSettings settings, Locale locale, ZoneId zone) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            LineTotal total = sale.totals().lines().get(i);
            items.add(new Item(line.number(), line.product().name(), line.product().unit(), line.quantity(),
                    line.unitPrice(), total.gross(), total.lineDiscount(), line.discount(), total.basketDiscount(),
                    total.amount(), line.product().taxCode(),
                    line.returnOf() == null ? null : line.returnOf().receiptNumber(),
                    total.promotion() == null ? null : total.promotion().name()));
        }
        return new Receipt(false, settings.storeName(), settings.receiptHeader(), sale.completedAt().atZone(zone),
                sale.tillCode(), sale.cashier().displayName(), sale.receiptNumber(), sale.id(), items,
                sale.totals().subtotal(), sale.totals().discounts(), sale.totals().taxTotal(), sale.totals().total(),
                settings.taxMode(), sale.totals().taxes(), sale.tenders(), sale.isRefund(),
                sale.payment().cashRounding(), sale.payment().change(), barcodeOf(sale.receiptNumber()),
                feedbackLink(settings.feedbackUrl(), sale.receiptNumber()), locale);
    }

    // ---- from the journal --------------------------------------------------------------------------

    /**
     * The receipt of a sale as its journal document ({@link SaleDocument#toJson}) records it, dated in
     * the system's time zone; for reprints. The store name, header, feedback link and tax mode come
     * from the current settings; everything about the sale comes from the document.
     *
     * @throws IllegalArgumentException when {@code json} is not a sale document
     */
    public static Receipt fromJournalDocument(String json, TillSettings settings, Locale locale) {
        return fromJournalDocument(json, settings, locale, ZoneId.systemDefault());
    }

    public static Receipt fromJournalDocument(String json, TillSettings settings, Locale locale, ZoneId zone) {
        Map<String, Object> doc = CanonicalJson.read(json);
        if (!SaleDocument.TYPE.equals(doc.get("type"))) {
            throw new IllegalArgumentException("not a sale document: type " + doc.get("type"));
        }
        try {
            Currency currency = Currency.getInstance(text(doc, "currency"));
            List<Item> items = new ArrayList<>();
            for (Map<String, Object> l : list(doc, "lines")) {
                Discount discount = null;
                if (l.get("discount") instanceof Map<?, ?> d) {
                    discount = new Discount(Discount.Kind.valueOf(String.valueOf(d.get("kind"))),
                            new BigDecimal(String.valueOf(d.get("value"))));
                }
                String returnOf = l.get("returnOf") instanceof Map<?, ?> r ? String.valueOf(r.get("receiptNumber")) : null;
                String promotion = l.get("promotion") instanceof Map<?, ?> p ? String.valueOf(p.get("name")) : null;
                items.add(new Item(((Number) l.get("line")).intValue(), text(l, "name"), Unit.fromCode(text(l, "unit")),
                        new BigDecimal(text(l, "quantity")), money(l, "unitPrice", currency), money(l, "gross", currency),
                        money(l, "lineDiscount", currency), discount, money(l, "basketDiscount", currency),
                        money(l, "amount", currency), text(l, "taxCode"), returnOf, promotion));
            }
            List<TaxLine> taxes = new ArrayList<>();
            for (Map<String, Object> t : list(doc, "taxes")) {
                taxes.add(new TaxLine(text(t, "code"), new BigDecimal(text(t, "percent")), money(t, "net", currency),
                        money(t, "tax", currency), money(t, "gross", currency)));
            }
            List<Tender> tenders = new ArrayList<>();
            for (Map<String, Object> t : list(doc, "tenders")) {
                Money amount = money(t, "amount", currency);
                if ("CARD".equals(t.get("kind"))) {
                    tenders.add(new Tender.Card(amount, optional(t, "brand"), optional(t, "last4"),
                            optional(t, "terminalReference"), optional(t, "approvalCode")));
                } else {
                    tenders.add(new Tender.Cash(amount));
                }
            }
            Map<?, ?> cashier = (Map<?, ?>) doc.get("cashier");
            String receiptNumber = text(doc, "receiptNumber");
            return new Receipt(false, settings.storeName(), settings.receiptHeader(),
                    Instant.parse(text(doc, "completedAt")).atZone(zone), text(doc, "till"),
                    cashier == null ? null : String.valueOf(cashier.get("name")), receiptNumber,
                    UUID.fromString(text(doc, "id")), items, money(doc, "subtotal", currency),
                    money(doc, "discounts", currency), money(doc, "taxTotal", currency), money(doc, "total", currency),
                    settings.taxMode(), taxes, tenders, Boolean.TRUE.equals(doc.get("refund")),
                    money(doc, "cashRounding", currency), money(doc, "change", currency), barcodeOf(receiptNumber),
                    feedbackLink(settings.feedbackUrl(), receiptNumber), locale);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("sale document " + doc.get("receiptNumber") + " cannot be read as a receipt: "
                    + e.getMessage(), e);
        }
    }

    /** The feedback link with the receipt number as parameter {@code r}; {@code null} without a link. */
    static String feedbackLink(String feedbackUrl, String receiptNumber) {
        if (feedbackUrl == null || feedbackUrl.isBlank()) {
            return null;
        }
        String base = feedbackUrl.strip();
        return base + (base.contains("?") ? "&" : "?") + "r=" + URLEncoder.encode(receiptNumber, StandardCharsets.UTF_8);
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + key);
        }
        return String.valueOf(value);
    }

    private static String optional(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static Money money(Map<String, Object> map, String key, Currency currency) {
        return Money.of(new BigDecimal(text(map, key)), currency);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
