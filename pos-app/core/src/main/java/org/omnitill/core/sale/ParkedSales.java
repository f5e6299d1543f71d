package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.money.Money;

/** Writes a sale's lines as JSON to park it, and puts them back into a new sale on recall. */
final class ParkedSales {

    private ParkedSales() {
    }

    static String toJson(Sale sale) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (SaleLine line : sale.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("productId", line.product().productId());
            l.put("sku", line.product().sku());
            l.put("name", line.product().name());
            l.put("taxCode", line.product().taxCode());
            l.put("unit", line.product().unit().code());
            l.put("quantity", line.quantity().toPlainString());
            l.put("unitPrice", line.unitPrice().amount().toPlainString());
            l.put("listPrice", line.listPrice().amount().toPlainString());
            if (line.discount() != null) {
                l.put("discountKind", line.discount().kind().name());
                l.put("discountValue", line.discount().value().toPlainString());
            }
            if (line.returnOf() != null) {
                l.put("returnOfSale", line.returnOf().saleId());
                l.put("returnOfReceipt", line.returnOf().receiptNumber());
                l.put("returnOfLine", line.returnOf().lineNumber());
                l.put("refund", line.returnOf().refund() == null ? null : line.returnOf().refund().amount().toPlainString());
            }
            lines.add(l);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("currency", sale.currency().getCurrencyCode());
        doc.put("lines", lines);
        if (sale.basketDiscount() != null) {
            doc.put("basketDiscountKind", sale.basketDiscount().kind().name());
            doc.put("basketDiscountValue", sale.basketDiscount().value().toPlainString());
        }
        return CanonicalJson.write(doc);
    }

    @SuppressWarnings("unchecked")
    static void restore(String json, Sale into, Instant at) {
        Map<String, Object> doc = CanonicalJson.read(json);
        String currency = (String) doc.get("currency");
        List<SaleLine> lines = new ArrayList<>();
        int number = 1;
        for (Map<String, Object> l : (List<Map<String, Object>>) doc.get("lines")) {
            ProductRef product = new ProductRef(((Number) l.get("productId")).longValue(), (String) l.get("sku"),
                    (String) l.get("name"), (String) l.get("taxCode"), Unit.fromCode((String) l.get("unit")));
            Discount discount = l.containsKey("discountKind")
                    ? new Discount(Discount.Kind.valueOf((String) l.get("discountKind")), new BigDecimal((String) l.get("discountValue")))
                    : null;
            SaleLine.ReturnRef returnOf = l.containsKey("returnOfSale")
                    ? new SaleLine.ReturnRef((String) l.get("returnOfSale"), (String) l.get("returnOfReceipt"),
                    ((Number) l.get("returnOfLine")).intValue(),
                    l.get("refund") == null ? null : Money.of((String) l.get("refund"), currency))
                    : null;
            lines.add(new SaleLine(number++, product, new BigDecimal((String) l.get("quantity")),
                    Money.of((String) l.get("unitPrice"), currency), Money.of((String) l.get("listPrice"), currency),
                    discount, returnOf));
        }
        Discount basket = doc.containsKey("basketDiscountKind")
                ? new Discount(Discount.Kind.valueOf((String) doc.get("basketDiscountKind")),
                new BigDecimal((String) doc.get("basketDiscountValue")))
                : null;
        into.restore(lines, basket);
    }
}
