package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.cash.Shift;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PermissionPolicy;
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
    private final Documents documents;
    /** Sales started and not yet completed, voided or parked: the day cannot close while one has lines. */
    private final Set<Sale> open = ConcurrentHashMap.newKeySet();

    public static final String VOID_TYPE = "sale-void";

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
        this.documents = new Documents(settings.tillCode(), ids);
        promotionsInForce(clock.instant()); // read once here, where the till opens, not at the first sale
    }

    public PermissionPolicy policy() {
        return policy;
    }

    public Sale newSale(StaffMember cashier) {
        Instant now = clock.instant();
        Sale sale = new Sale(ids.next(), cashier, settings.currencyUnit(), pricing, cashRounding, limits, policy, now);
        sale.usePromotions(promotionsInForce(now));
        open.add(sale);
        return sale;
    }

    /** The promotions as last read, and the store's promotion version they were read at. */
    private record PromotionCache(long version, List<Promotion> all) {
    }

    private volatile PromotionCache promotions = new PromotionCache(-1, List.of());

    /**
     * The promotions in force at {@code at}, from a copy read again only after the change feed changed
     * them: a new sale starts on the FX thread, which should not wait for the store at every sale.
     */
    private List<Promotion> promotionsInForce(Instant at) {
        PromotionCache cache = promotions;
        long version = store.promotionVersion();
        if (cache.version() != version) {
            cache = new PromotionCache(version, store.session().promotions().all());
            promotions = cache;
        }
        return cache.all().stream().filter(p -> p.inForceAt(at)).toList();
    }

    /**
     * Sales being rung up that have lines or payments, plus parked sales: what stops the day from
     * closing. An untouched new sale does not count.
     */
    public int openSaleCount() {
        open.removeIf(s -> s.state() == Sale.State.COMPLETED || s.state() == Sale.State.VOIDED);
        long busy = open.stream().filter(s -> !s.isEmpty() || !s.tenders().isEmpty()).count();
        return (int) busy + store.session().parkedSales().list().size();
    }

    /** Forgets an empty sale the screen no longer shows (nothing to record). */
    public void discard(Sale sale) {
        if (!sale.isEmpty() || !sale.tenders().isEmpty()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "a sale with lines is parked or voided, not discarded");
        }
        open.remove(sale);
    }

    /**
     * Voids a whole sale: checks the permission (or a held approval), then records a {@code sale-void}
     * document with its lines, who voided it and who approved it.
     */
    public void voidSale(Sale sale) {
        sale.voidSale();
        open.remove(sale);
        if (sale.isEmpty()) {
            return; // nothing was rung up: nothing to audit
        }
        Instant at = clock.instant();
        Money total = sale.totals().total();
        String approvedBy = sale.overrides().stream().filter(o -> o.permission() == Permission.VOID_SALE)
                .map(o -> o.approver().displayName()).reduce((a, b) -> b).orElse(null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sale", sale.id().toString());
        fields.put("cashier", Map.of("id", sale.cashier().id(), "name", sale.cashier().displayName()));
        fields.put("approvedBy", approvedBy);
        fields.put("startedAt", sale.startedAt().toString());
        fields.put("total", total.amount().toPlainString());
        fields.put("lines", sale.lines().stream().map(l -> Map.of("sku", l.product().sku(), "name", l.product().name(),
                "quantity", l.quantity().toPlainString(), "unitPrice", l.unitPrice().amount().toPlainString())).toList());
        documents.writeNow(store, VOID_TYPE, at, fields, List.of(new AuditEntry("VOID_SALE", sale.cashier().id(),
                sale.cashier().displayName(), approvedBy, total.amount(), "sale voided with " + sale.lines().size() + " lines")));
        LOG.info("sale {} voided by {} ({} lines, {})", sale.id(), sale.cashier().displayName(), sale.lines().size(), total);
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
        String drawer = CashOffice.drawerOf(settings.office().drawerMode(), sale.cashier());
        CompletedSale completed = store.transaction(session -> {
            UUID shiftId = session.shifts().openShift(drawer).map(Shift::id).orElse(null);
            CompletedSale[] built = new CompletedSale[1];
            JournalEntry entry = session.journal().append(SaleDocument.TYPE, sale.id(), completedAt, sequence -> {
                built[0] = new CompletedSale(sale.id(), CompletedSale.receiptNumber(settings.tillCode(), sequence), sequence,
                        settings.tillCode(), sale.cashier(), sale.startedAt(), completedAt, sale.lines(), totals,
                        sale.tenders(), payment, sale.voidedLines(), sale.overrides(), shiftId);
                return SaleDocument.toJson(built[0]);
            });
            session.sales().insert(built[0]);
            session.outbox().add(sale.id(), entry.sequence(), SaleDocument.TYPE, entry.body(), completedAt);
            for (AuditEntry row : auditOf(built[0])) {
                session.audit().add(entry.sequence(), completedAt, row);
            }
            return built[0];
        });
        store.syncToDisk();
        sale.markCompleted();
        open.remove(sale);
        LOG.info("sale {} completed: {} {}", completed.receiptNumber(), completed.totals().total(),
                completed.isRefund() ? "refunded" : "paid");
        return completed;
    }

    /** The sensitive parts of a completed sale, for the exceptions report. */
    private static List<AuditEntry> auditOf(CompletedSale sale) {
        if (sale.voidedLines().isEmpty() && sale.approvals().isEmpty() && !sale.isRefund()
                && sale.lines().stream().noneMatch(l -> l.isReturn() || l.unitPrice().compareTo(l.listPrice()) != 0)) {
            return List.of();
        }
        List<AuditEntry> rows = new ArrayList<>();
        Long staff = sale.cashier().id();
        String name = sale.cashier().displayName();
        for (Sale.VoidedLine v : sale.voidedLines()) {
            rows.add(new AuditEntry("VOID_LINE", staff, name, null, v.line().unitPrice().times(v.line().quantity()).amount(),
                    "line voided on " + sale.receiptNumber() + ": " + v.line().quantity().stripTrailingZeros().toPlainString()
                            + " × " + v.line().product().name()));
        }
        for (Sale.ApprovedAction a : sale.approvals()) {
            rows.add(new AuditEntry("OVERRIDE", staff, name, a.approver().displayName(), null,
                    a.permission().name() + " on " + sale.receiptNumber() + ": " + a.detail()));
        }
        BigDecimal returned = BigDecimal.ZERO;
        int returnLines = 0;
        for (int i = 0; i < sale.lines().size(); i++) {
            SaleLine line = sale.lines().get(i);
            if (line.isReturn()) {
                returned = returned.add(sale.totals().lines().get(i).amount().amount());
                returnLines++;
            } else if (line.unitPrice().compareTo(line.listPrice()) != 0) {
                rows.add(new AuditEntry("PRICE_OVERRIDE", staff, name, null,
                        line.listPrice().minus(line.unitPrice()).times(line.quantity()).amount(),
                        line.product().name() + " at " + line.unitPrice().amount().toPlainString() + " instead of "
                                + line.listPrice().amount().toPlainString() + " on " + sale.receiptNumber()));
            }
        }
        if (returnLines > 0) {
            rows.add(new AuditEntry("REFUND", staff, name, null, returned, returnLines + " line(s) returned on "
                    + sale.receiptNumber()));
        }
        return rows;
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
        open.remove(sale);
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
