package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.omnitill.core.money.Money;

/** Completed sales as the local store keeps them. */
public interface SaleRepository {

    /** Writes the sale, its lines, tenders and stock movements (part of the completing transaction). */
    void insert(CompletedSale sale);

    /** A line of a past receipt, with what was already returned of it. */
    record SoldLine(int lineNumber, ProductRef product, BigDecimal quantity, Money amount, BigDecimal returned) {

        /**
         * The refund for returning {@code count} more units when {@code before} were already returned:
         * the difference of the rounded shares, so that returning everything in any number of steps
         * refunds exactly what was paid, never a cent more.
         */
        public Money refundFor(BigDecimal before, BigDecimal count) {
            return share(before.add(count)).minus(share(before));
        }

        private Money share(BigDecimal units) {
            return Money.of(amount.amount().multiply(units).divide(quantity, 10, java.math.RoundingMode.HALF_UP),
                    amount.currency());
        }

        public BigDecimal returnable() {
            return quantity.subtract(returned);
        }
    }

    /** A past receipt, for returns and reprints. */
    record SoldReceipt(UUID saleId, String receiptNumber, long sequence, List<SoldLine> lines) {
    }

    Optional<SoldReceipt> findByReceipt(String receiptNumber);

    /** The journal body of a sale (to reprint its receipt exactly). */
    Optional<String> documentOf(String receiptNumber);

    long count();
}
