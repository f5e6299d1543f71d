package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.id.UuidV7;
import org.omnitill.core.journal.JournalEntry;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.tender.CashRounding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts sales and completes them durably. Completion is one local transaction: journal entry
 * (gapless number, hash chain), sale, lines, tenders, stock movements and the outbox document commit
 * together; then the store is synced to disk, and only then is the sale reported done.
 */
public final class SaleService {

    private static final Logger LOG = LoggerFactory.getLogger(SaleService.class);

    private final TillStore store;
    private final TillSettings settings;
    private final PriceCalculator pricing;
    private final CashRounding cashRounding;
    private final SaleLimits limits;
    private final PermissionPolicy policy;
    private final Clock clock;
    private final UuidV7 ids;

    public SaleService(TillStore store, TillSettings settings, SaleLimits limits, PermissionPolicy policy, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.pricing = new PriceCalculator(settings.currencyUnit(), settings.taxMode(), settings.taxRounding(),
                settings.taxRates());
        this.cashRounding = new CashRounding(settings.cashRounding());
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
        // time-ordered: the sale, journal and outbox indexes keyed by it grow at their end (ADR 0013)
        this.ids = new UuidV7(clock);
    }

    public PermissionPolicy policy() {
        return policy;
    }

    public Sale newSale(StaffMember cashier) {
        return new Sale(ids.next(), cashier, settings.currencyUnit(), pricing, cashRounding, limits, policy,
                clock.instant());
    }

    /**
     * Records a fully paid sale and marks it completed. On any failure nothing is written and the
     * sale stays as it was, so the cashier can try again.
     */
    public CompletedSale complete(Sale sale) {
        if (sale.state() != Sale.State.TENDERING || !sale.payment().isSettled()) {
            sale.markCompleted(); // throws the precise reason
        }
        Instant completedAt = clock.instant();
        SaleTotals totals = sale.totals();
        Payment payment = sale.payment();
        CompletedSale completed = store.transaction(session -> {
            CompletedSale[] built = new CompletedSale[1];
            JournalEntry entry = session.journal().append(SaleDocument.TYPE, sale.id(), completedAt, sequence -> {
                built[0] = new CompletedSale(sale.id(), CompletedSale.receiptNumber(settings.tillCode(), sequence), sequence,
                        settings.tillCode(), sale.cashier(), sale.startedAt(), completedAt, sale.lines(), totals,
                        sale.tenders(), payment, sale.voidedLines());
                return SaleDocument.toJson(built[0]);
            });
            session.sales().insert(built[0]);
            session.outbox().add(sale.id(), entry.sequence(), SaleDocument.TYPE, entry.body(), completedAt);
            return built[0];
        });
        store.syncToDisk();
        sale.markCompleted();
        LOG.info("sale {} completed: {} {}", completed.receiptNumber(), completed.totals().total(),
                completed.isRefund() ? "refunded" : "paid");
        return completed;
    }

    /**
     * Puts an open sale aside so the next customer can be served; it survives a restart.
     *
     * @param label what the cashier calls it, e.g. the customer's name; blank for the time
     */
    public ParkedSaleRepository.Summary park(Sale sale, String label) {
        if (sale.state() != Sale.State.OPEN) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "take the payments back before parking the sale");
        }
        if (sale.isEmpty()) {
            throw new SaleException(SaleException.Code.EMPTY_SALE, "there is nothing to park");
        }
        Instant at = clock.instant();
        String name = label == null || label.isBlank() ? at.toString() : label.strip();
        ParkedSaleRepository.Summary summary = new ParkedSaleRepository.Summary(sale.id(), at, sale.cashier().displayName(),
                name.length() > 100 ? name.substring(0, 100) : name, sale.lines().size(), sale.totals().total().amount());
        String body = ParkedSales.toJson(sale);
        store.transactionVoid(session -> session.parkedSales().insert(summary, sale.cashier().id(), body));
        return summary;
    }

    /** The sales parked on this till, oldest first. */
    public List<ParkedSaleRepository.Summary> parked() {
        return store.session().parkedSales().list();
    }

    /** Takes a parked sale back as a new open sale for {@code cashier}; it is no longer parked. */
    public Sale recall(UUID parkedId, StaffMember cashier) {
        String body = store.transaction(session -> session.parkedSales().take(parkedId))
                .orElseThrow(() -> new SaleException(SaleException.Code.WRONG_STATE, "that sale was already recalled"));
        Sale sale = newSale(cashier);
        ParkedSales.restore(body, sale, clock.instant());
        return sale;
    }

    /** A past receipt by its number, for returns and reprints. */
    public Optional<SaleRepository.SoldReceipt> findReceipt(String receiptNumber) {
        return store.session().sales().findByReceipt(receiptNumber.strip());
    }

    /**
     * Adds a return of {@code quantity} of a line of a past receipt to {@code sale}, refusing more
     * than was sold less what was already returned.
     */
    public SaleLine returnFromReceipt(Sale sale, SaleRepository.SoldReceipt receipt, int lineNumber, BigDecimal quantity) {
        return returnFromReceipt(sale, receipt, Map.of(lineNumber, quantity)).get(0);
    }

    /**
     * Adds returns of several lines of a past receipt (line number to quantity), all or none: every
     * quantity is checked against what was sold less what was already returned before any is added.
     */
    public List<SaleLine> returnFromReceipt(Sale sale, SaleRepository.SoldReceipt receipt, Map<Integer, BigDecimal> quantities) {
        List<Sale.ReturnRequest> requests = new ArrayList<>();
        quantities.forEach((lineNumber, quantity) -> requests.add(request(sale, receipt, lineNumber, quantity)));
        return sale.addReturns(requests);
    }

    private Sale.ReturnRequest request(Sale sale, SaleRepository.SoldReceipt receipt, int lineNumber, BigDecimal quantity) {
        SaleRepository.SoldLine sold = receipt.lines().stream()
                .filter(l -> l.lineNumber() == lineNumber)
                .findFirst()
                .orElseThrow(() -> new SaleException(SaleException.Code.NO_SUCH_LINE,
                        "receipt " + receipt.receiptNumber() + " has no line " + lineNumber));
        if (sold.quantity().signum() <= 0) {
            throw new SaleException(SaleException.Code.RETURN_TOO_MUCH, "line " + lineNumber + " was itself a return");
        }
        if (quantity.signum() <= 0) {
            throw new SaleException(SaleException.Code.BAD_QUANTITY, "the quantity must be more than zero");
        }
        BigDecimal pending = sale.lines().stream()
                .filter(l -> l.returnOf() != null && l.returnOf().saleId().equals(receipt.saleId().toString())
                        && l.returnOf().lineNumber() == lineNumber)
                .map(l -> l.quantity().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = sold.returnable().subtract(pending);
        if (quantity.compareTo(left) > 0) {
            throw new SaleException(SaleException.Code.RETURN_TOO_MUCH, "only " + left.stripTrailingZeros().toPlainString()
                    + " of " + sold.product().name() + " can still be returned (sold " + sold.quantity().stripTrailingZeros()
                    .toPlainString() + ", returned " + sold.returned().add(pending).stripTrailingZeros().toPlainString() + ")");
        }
        Money refund = sold.refundFor(sold.returned().add(pending), quantity);
        Money unit = Money.of(refund.amount().divide(quantity, 10, java.math.RoundingMode.HALF_UP), refund.currency());
        return new Sale.ReturnRequest(sold.product(), quantity, unit,
                new SaleLine.ReturnRef(receipt.saleId().toString(), receipt.receiptNumber(), lineNumber, refund));
    }
}
