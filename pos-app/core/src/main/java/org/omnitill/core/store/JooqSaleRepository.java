package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.JOURNAL_ENTRY;
import static org.omnitill.core.store.jooq.Tables.SALE;
import static org.omnitill.core.store.jooq.Tables.SALE_LINE;
import static org.omnitill.core.store.jooq.Tables.SALE_TENDER;
import static org.omnitill.core.store.jooq.Tables.STOCK_MOVEMENT;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.sale.LineTotal;
import org.omnitill.core.sale.ProductRef;
import org.omnitill.core.sale.SaleLine;
import org.omnitill.core.sale.SaleRepository;
import org.omnitill.core.tender.Tender;
import org.omnitill.core.store.jooq.tables.records.SaleRecord;

final class JooqSaleRepository implements SaleRepository {

    private final DSLContext dsl;
    private final Currency currency;

    JooqSaleRepository(DSLContext dsl, Currency currency) {
        this.dsl = dsl;
        this.currency = currency;
    }

    @Override
    public void insert(CompletedSale sale) {
        var completedAt = sale.completedAt().atOffset(ZoneOffset.UTC);
        dsl.insertInto(SALE)
                .set(SALE.ID, sale.id())
                .set(SALE.RECEIPT_NUMBER, sale.receiptNumber())
                .set(SALE.JOURNAL_SEQUENCE, sale.sequence())
                .set(SALE.STAFF_ID, sale.cashier().id())
                .set(SALE.STAFF_NAME, sale.cashier().displayName())
                .set(SALE.STARTED_AT, sale.startedAt().atOffset(ZoneOffset.UTC))
                .set(SALE.COMPLETED_AT, completedAt)
                .set(SALE.CURRENCY, sale.totals().total().currency().getCurrencyCode())
                .set(SALE.SUBTOTAL, sale.totals().subtotal().amount())
                .set(SALE.DISCOUNT_TOTAL, sale.totals().discounts().amount())
                .set(SALE.TAX_TOTAL, sale.totals().taxTotal().amount())
                .set(SALE.TOTAL, sale.totals().total().amount())
                .set(SALE.CASH_ROUNDING, sale.payment().cashRounding().amount())
                .set(SALE.CHANGE_GIVEN, sale.payment().change().amount())
                .execute();
        var lineInsert = dsl.batch(dsl.insertInto(SALE_LINE, SALE_LINE.SALE_ID, SALE_LINE.LINE_NO, SALE_LINE.PRODUCT_ID,
                SALE_LINE.SKU, SALE_LINE.NAME, SALE_LINE.UNIT, SALE_LINE.QUANTITY, SALE_LINE.UNIT_PRICE,
                SALE_LINE.LIST_PRICE, SALE_LINE.GROSS, SALE_LINE.LINE_DISCOUNT, SALE_LINE.BASKET_DISCOUNT,
                SALE_LINE.AMOUNT, SALE_LINE.TAX_CODE, SALE_LINE.TAX_PERCENT, SALE_LINE.TAX_AMOUNT,
                SALE_LINE.RETURN_OF_SALE, SALE_LINE.RETURN_OF_LINE)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null));
        var moveInsert = dsl.batch(dsl.insertInto(STOCK_MOVEMENT, STOCK_MOVEMENT.PRODUCT_ID, STOCK_MOVEMENT.QUANTITY,
                STOCK_MOVEMENT.DOCUMENT_ID, STOCK_MOVEMENT.CREATED_AT).values((Long) null, null, null, null));
        Map<String, BigDecimal> percents = sale.totals().taxes().stream()
                .collect(Collectors.toMap(t -> t.code(), t -> t.percent()));
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            LineTotal total = sale.totals().lines().get(i);
            lineInsert.bind(sale.id(), line.number(), line.product().productId(), line.product().sku(),
                    line.product().name(), line.product().unit().code(), line.quantity(), line.unitPrice().amount(),
                    line.listPrice().amount(), total.gross().amount(), total.lineDiscount().amount(),
                    total.basketDiscount().amount(), total.amount().amount(), line.product().taxCode(),
                    percents.get(line.product().taxCode()), total.tax().amount(),
                    line.returnOf() == null ? null : UUID.fromString(line.returnOf().saleId()),
                    line.returnOf() == null ? null : line.returnOf().lineNumber());
            // a sale takes stock out, a return puts it back
            moveInsert.bind(line.product().productId(), line.quantity().negate(), sale.id(), completedAt);
        }
        lineInsert.execute();
        moveInsert.execute();
        int number = 1;
        for (Tender tender : sale.tenders()) {
            var insert = dsl.insertInto(SALE_TENDER)
                    .set(SALE_TENDER.SALE_ID, sale.id())
                    .set(SALE_TENDER.LINE_NO, number++)
                    .set(SALE_TENDER.AMOUNT, tender.amount().amount());
            if (tender instanceof Tender.Card card) {
                insert.set(SALE_TENDER.KIND, "CARD")
                        .set(SALE_TENDER.CARD_BRAND, card.brand())
                        .set(SALE_TENDER.CARD_LAST4, card.last4())
                        .set(SALE_TENDER.TERMINAL_REFERENCE, card.terminalReference())
                        .set(SALE_TENDER.APPROVAL_CODE, card.approvalCode())
                        .execute();
            } else {
                insert.set(SALE_TENDER.KIND, "CASH").execute();
            }
        }
    }

    @Override
    public Optional<SoldReceipt> findByReceipt(String receiptNumber) {
        SaleRecord sale = dsl.selectFrom(SALE).where(SALE.RECEIPT_NUMBER.eq(receiptNumber)).fetchOne();
        if (sale == null) {
            return Optional.empty();
        }
        var returnedAlias = SALE_LINE.as("returned");
        Map<Integer, BigDecimal> returned = dsl.select(returnedAlias.RETURN_OF_LINE, DSL.sum(returnedAlias.QUANTITY))
                .from(returnedAlias)
                .where(returnedAlias.RETURN_OF_SALE.eq(sale.getId()))
                .groupBy(returnedAlias.RETURN_OF_LINE)
                .fetchMap(Record2::value1, r -> r.value2().negate());
        List<SoldLine> lines = dsl.selectFrom(SALE_LINE)
                .where(SALE_LINE.SALE_ID.eq(sale.getId()))
                .orderBy(SALE_LINE.LINE_NO)
                .fetch(r -> new SoldLine(r.getLineNo(),
                        new ProductRef(r.getProductId(), r.getSku(), r.getName(), r.getTaxCode(), Unit.fromCode(r.getUnit())),
                        r.getQuantity(), Money.of(r.getAmount(), currency),
                        returned.getOrDefault(r.getLineNo(), BigDecimal.ZERO)));
        return Optional.of(new SoldReceipt(sale.getId(), sale.getReceiptNumber(), sale.getJournalSequence(), lines));
    }

    @Override
    public Optional<String> documentOf(String receiptNumber) {
        return dsl.select(JOURNAL_ENTRY.BODY)
                .from(SALE)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.SEQUENCE.eq(SALE.JOURNAL_SEQUENCE))
                .where(SALE.RECEIPT_NUMBER.eq(receiptNumber))
                .fetchOptional(JOURNAL_ENTRY.BODY);
    }

    @Override
    public long count() {
        return dsl.fetchCount(SALE);
    }
}
