package org.omnitill.core.sale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnitill.core.journal.CanonicalJson;
import org.omnitill.core.money.Money;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tender.Tender;

/** The journal and outbox document of a completed sale: canonical JSON, money as strings. */
public final class SaleDocument {

    public static final String TYPE = "sale";
    public static final int VERSION = 1;

    private SaleDocument() {
    }

    public static String toJson(CompletedSale sale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE);
        doc.put("version", VERSION);
        doc.put("id", sale.id().toString());
        doc.put("sequence", sale.sequence());
        doc.put("receiptNumber", sale.receiptNumber());
        doc.put("till", sale.tillCode());
        doc.put("cashier", Map.of("id", sale.cashier().id(), "name", sale.cashier().displayName()));
        doc.put("startedAt", sale.startedAt().toString());
        doc.put("completedAt", sale.completedAt().toString());
        doc.put("currency", sale.totals().total().currency().getCurrencyCode());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            LineTotal total = sale.totals().lines().get(i);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line", line.number());
            l.put("productId", line.product().productId());
            l.put("sku", line.product().sku());
            l.put("name", line.product().name());
            l.put("unit", line.product().unit().code());
            l.put("quantity", line.quantity().toPlainString());
            l.put("unitPrice", text(line.unitPrice()));
            l.put("listPrice", text(line.listPrice()));
            l.put("gross", text(total.gross()));
            l.put("lineDiscount", text(total.lineDiscount()));
            l.put("basketDiscount", text(total.basketDiscount()));
            l.put("amount", text(total.amount()));
            l.put("taxCode", line.product().taxCode());
            l.put("tax", text(total.tax()));
            if (line.discount() != null) {
                l.put("discount", Map.of("kind", line.discount().kind().name(), "value", line.discount().value().toPlainString()));
            }
            if (total.promotion() != null) {
                l.put("promotion", Map.of("code", total.promotion().code(), "name", total.promotion().name()));
            }
            if (line.returnOf() != null) {
                l.put("returnOf", Map.of("saleId", line.returnOf().saleId(), "receiptNumber", line.returnOf().receiptNumber(),
                        "line", line.returnOf().lineNumber()));
            }
            lines.add(l);
        }
        doc.put("lines", lines);
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (TaxLine tax : sale.totals().taxes()) {
            taxes.add(Map.of("code", tax.code(), "percent", tax.percent().toPlainString(), "net", text(tax.net()),
                    "tax", text(tax.tax()), "gross", text(tax.gross())));
        }
        doc.put("taxes", taxes);
        doc.put("subtotal", text(sale.totals().subtotal()));
        doc.put("discounts", text(sale.totals().discounts()));
        doc.put("taxTotal", text(sale.totals().taxTotal()));
        doc.put("total", text(sale.totals().total()));
        List<Map<String, Object>> tenders = new ArrayList<>();
        for (Tender tender : sale.tenders()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("amount", text(tender.amount()));
            if (tender instanceof Tender.Card card) {
                t.put("kind", "CARD");
                putIfPresent(t, "brand", card.brand());
                putIfPresent(t, "last4", card.last4());
                putIfPresent(t, "terminalReference", card.terminalReference());
                putIfPresent(t, "approvalCode", card.approvalCode());
            } else {
                t.put("kind", "CASH");
            }
            tenders.add(t);
        }
        doc.put("tenders", tenders);
        doc.put("refund", sale.isRefund());
        doc.put("cashRounding", text(sale.payment().cashRounding()));
        doc.put("change", text(sale.payment().change()));
        List<Map<String, Object>> voided = new ArrayList<>();
        for (Sale.VoidedLine v : sale.voidedLines()) {
            voided.add(Map.of("sku", v.line().product().sku(), "name", v.line().product().name(),
                    "quantity", v.line().quantity().toPlainString(), "unitPrice", text(v.line().unitPrice()),
                    "by", v.by().displayName(), "at", v.at().toString()));
        }
        doc.put("voidedLines", voided);
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (Sale.ApprovedAction a : sale.approvals()) {
            approvals.add(Map.of("permission", a.permission().name(), "approvedBy", a.approver().displayName(),
                    "approverId", a.approver().id(), "at", a.at().toString(), "what", a.detail()));
        }
        if (!approvals.isEmpty()) {
            doc.put("approvals", approvals);
        }
        if (sale.shiftId() != null) {
            doc.put("shift", sale.shiftId().toString());
        }
        return CanonicalJson.write(doc);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(Money money) {
        return money.amount().toPlainString();
    }
}
