package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.JOURNAL_ENTRY;
import static org.omnitill.core.store.jooq.Tables.SALE;
import static org.omnitill.core.store.jooq.Tables.SALE_LINE;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.omnitill.core.sale.SaleTotals;
import org.omnitill.core.tender.Tender;
import org.omnitill.core.store.jooq.tables.records.SaleRecord;

final class JooqSaleRepository implements SaleRepository {

    private final DSLContext dsl;
    private final Currency currency;

    JooqSaleRepository(DSLContext dsl, Currency currency) {
        this.dsl = dsl;
        this.currency = currency;
    }

    // Plain JDBC for the completion path: the same four statements as jOOQ's DSL would send, without
    // building the query objects and bind contexts for every sale (they were ~12 % of what completing a
    // sale allocated, and that allocation is what drives the GC pauses in its p99).
    private static final String INSERT_SALE = "INSERT INTO sale (id, receipt_number, journal_sequence, staff_id,"
            + " staff_name, started_at, completed_at, currency, subtotal, discount_total, tax_total, total, cash_rounding,"
            + " change_given, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE = "INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, unit,"
            + " quantity, unit_price, list_price, gross, line_discount, basket_discount, amount, tax_code, tax_percent,"
            + " tax_amount, return_of_sale, return_of_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MOVEMENT = "INSERT INTO stock_movement (product_id, quantity, document_id, created_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_TAX = "INSERT INTO sale_tax (sale_id, code, percent, net, tax, gross)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TENDER = "INSERT INTO sale_tender (sale_id, line_no, kind, amount, card_brand,"
            + " card_last4, terminal_reference, approval_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void insert(CompletedSale sale) {
        dsl.connection(connection -> insert(connection, sale));
    }

    private static void insert(Connection connection, CompletedSale sale) throws SQLException {
        OffsetDateTime completedAt = sale.completedAt().atOffset(ZoneOffset.UTC);
        SaleTotals totals = sale.totals();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SALE)) {
            insert.setObject(1, sale.id());
            insert.setString(2, sale.receiptNumber());
            insert.setLong(3, sale.sequence());
            insert.setLong(4, sale.cashier().id());
            insert.setString(5, sale.cashier().displayName());
            insert.setObject(6, sale.startedAt().atOffset(ZoneOffset.UTC));
            insert.setObject(7, completedAt);
            insert.setString(8, totals.total().currency().getCurrencyCode());
            insert.setBigDecimal(9, totals.subtotal().amount());
            insert.setBigDecimal(10, totals.discounts().amount());
            insert.setBigDecimal(11, totals.taxTotal().amount());
            insert.setBigDecimal(12, totals.total().amount());
            insert.setBigDecimal(13, sale.payment().cashRounding().amount());
            insert.setBigDecimal(14, sale.payment().change().amount());
            if (sale.shiftId() == null) {
                insert.setNull(15, Types.OTHER);
            } else {
                insert.setObject(15, sale.shiftId());
            }
            insert.executeUpdate();
        }
        if (!totals.taxes().isEmpty()) {
            try (PreparedStatement taxes = connection.prepareStatement(INSERT_TAX)) {
                for (var tax : totals.taxes()) {
                    taxes.setObject(1, sale.id());
                    taxes.setString(2, tax.code());
                    taxes.setBigDecimal(3, tax.percent());
                    taxes.setBigDecimal(4, tax.net().amount());
                    taxes.setBigDecimal(5, tax.tax().amount());
                    taxes.setBigDecimal(6, tax.gross().amount());
                    taxes.addBatch();
                }
                taxes.executeBatch();
            }
        }
        try (PreparedStatement lines = connection.prepareStatement(INSERT_LINE);
             PreparedStatement moves = connection.prepareStatement(INSERT_MOVEMENT)) {
            for (int i = 0; i < sale.lines().size(); i++) {
                SaleLine line = sale.lines().get(i);
                LineTotal total = totals.lines().get(i);
                ProductRef product = line.product();
                lines.setObject(1, sale.id());
                lines.setInt(2, line.number());
                lines.setLong(3, product.productId());
                lines.setString(4, product.sku());
                lines.setString(5, product.name());
                lines.setString(6, product.unit().code());
                lines.setBigDecimal(7, line.quantity());
                lines.setBigDecimal(8, line.unitPrice().amount());
                lines.setBigDecimal(9, line.listPrice().amount());
                lines.setBigDecimal(10, total.gross().amount());
                lines.setBigDecimal(11, total.lineDiscount().amount());
                lines.setBigDecimal(12, total.basketDiscount().amount());
                lines.setBigDecimal(13, total.amount().amount());
                lines.setString(14, product.taxCode());
                lines.setBigDecimal(15, taxPercent(totals, product.taxCode()));
                lines.setBigDecimal(16, total.tax().amount());
                if (line.returnOf() == null) {
                    lines.setNull(17, Types.OTHER);
                    lines.setNull(18, Types.INTEGER);
                } else {
                    lines.setObject(17, UUID.fromString(line.returnOf().saleId()));
                    lines.setInt(18, line.returnOf().lineNumber());
                }
                lines.addBatch();
                // a sale takes stock out, a return puts it back
                moves.setLong(1, product.productId());
                moves.setBigDecimal(2, line.quantity().negate());
                moves.setObject(3, sale.id());
                moves.setObject(4, completedAt);
                moves.addBatch();
            }
            if (!sale.lines().isEmpty()) {
                lines.executeBatch();
                moves.executeBatch();
            }
        }
        try (PreparedStatement tenders = connection.prepareStatement(INSERT_TENDER)) {
            int number = 1;
            for (Tender tender : sale.tenders()) {
                tenders.setObject(1, sale.id());
                tenders.setInt(2, number++);
                tenders.setBigDecimal(4, tender.amount().amount());
                if (tender instanceof Tender.Card card) {
                    tenders.setString(3, "CARD");
                    tenders.setString(5, card.brand());
                    tenders.setString(6, card.last4());
                    tenders.setString(7, card.terminalReference());
                    tenders.setString(8, card.approvalCode());
                } else {
                    tenders.setString(3, "CASH");
                    for (int column = 5; column <= 8; column++) {
                        tenders.setNull(column, Types.VARCHAR);
                    }
                }
                tenders.addBatch();
            }
            if (!sale.tenders().isEmpty()) {
                tenders.executeBatch();
            }
        }
    }

    private static BigDecimal taxPercent(SaleTotals totals, String taxCode) {
        for (var tax : totals.taxes()) {
            if (tax.code().equals(taxCode)) {
                return tax.percent();
            }
        }
        return null;
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
