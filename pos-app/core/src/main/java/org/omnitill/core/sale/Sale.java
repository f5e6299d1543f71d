package org.omnitill.core.sale;

import java.util.EnumMap;
import java.util.Map;
import org.omnitill.core.staff.Approval;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PermissionPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.money.Money;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.CashRounding;
import org.omnitill.core.tender.Tender;
import org.omnitill.core.tender.TenderException;

/**
 * A sale being rung up: pure domain, no I/O. A state machine: {@code OPEN} while lines change,
 * {@code TENDERING} once a payment is taken (lines are then fixed), and finally {@code COMPLETED}
 * or {@code VOIDED}. Every restricted action goes through the {@link PermissionPolicy}. A refused
 * operation throws {@link SaleException} and leaves the sale as it was.
 */
public final class Sale {

    public enum State { OPEN, TENDERING, COMPLETED, VOIDED }

    /** A line taken off the ticket, kept for the audit trail. */
    public record VoidedLine(SaleLine line, StaffMember by, Instant at) {
    }

    /**
     * A restricted action a supervisor approved for the cashier: which, who, when, and what it was
     * (e.g. "price of line 2 to 1.50").
     */
    public record ApprovedAction(Permission permission, StaffMember approver, Instant at, String detail) {
    }

    private final UUID id;
    private final StaffMember cashier;
    private final Currency currency;
    private final PriceCalculator pricing;
    private final CashRounding cashRounding;
    private final SaleLimits limits;
    private final PermissionPolicy policy;
    private final Instant startedAt;
    private final List<SaleLine> lines = new ArrayList<>();
    private final List<VoidedLine> voidedLines = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private final List<ApprovedAction> overrides = new ArrayList<>();
    private final Map<Permission, Approval> approvals = new EnumMap<>(Permission.class);
    private Discount basketDiscount;
    private List<Promotion> promotions = List.of();
    private State state = State.OPEN;

    public Sale(UUID id, StaffMember cashier, Currency currency, PriceCalculator pricing, CashRounding cashRounding,
                SaleLimits limits, PermissionPolicy policy, Instant startedAt) {
        this.id = Objects.requireNonNull(id);
        this.cashier = Objects.requireNonNull(cashier);
        this.currency = Objects.requireNonNull(currency);
        this.pricing = Objects.requireNonNull(pricing);
        this.cashRounding = Objects.requireNonNull(cashRounding);
        this.limits = Objects.requireNonNull(limits);
        this.policy = Objects.requireNonNull(policy);
        this.startedAt = Objects.requireNonNull(startedAt);
    }

    // ---- lines ---------------------------------------------------------------------------------

    /**
     * Adds {@code quantity} of {@code product}: whole pieces, or kilograms for weighed goods.
     * Scanning the same piece product again adds to its line while the line is unchanged.
     *
     * @return the line that was added or grew
     */
    public SaleLine add(Product product, BigDecimal quantity) {
        requireOpen();
        checkQuantity(product.unit(), quantity);
        checkPrice(product.price());
        if (!product.price().currency().equals(currency)) {
            throw new SaleException(SaleException.Code.BAD_PRICE, product.name() + " is priced in another currency");
        }
        if (product.unit() == Unit.EACH) {
            for (int i = 0; i < lines.size(); i++) {
                SaleLine line = lines.get(i);
                if (line.product().productId() == product.id() && !line.isReturn() && line.discount() == null
                        && !line.isPriceOverridden() && line.returnOf() == null) {
                    BigDecimal more = line.quantity().add(quantity);
                    checkQuantity(product.unit(), more);
                    SaleLine grown = line.withQuantity(more);
                    lines.set(i, grown);
                    return grown;
                }
            }
        }
        SaleLine line = new SaleLine(lines.size() + 1, ProductRef.of(product), quantity, product.price(),
                product.price(), null, null);
        lines.add(line);
        return line;
    }

    /**
     * Adds one item whose price comes from an in-store label (a variable-measure barcode): the label
     * price is the line's list price, not an override.
     */
    public SaleLine addLabelled(Product product, Money labelPrice) {
        requireOpen();
        checkPrice(labelPrice);
        if (!labelPrice.currency().equals(currency)) {
            throw new SaleException(SaleException.Code.BAD_PRICE, "the label price is in another currency");
        }
        SaleLine line = new SaleLine(lines.size() + 1, ProductRef.of(product), BigDecimal.ONE, labelPrice, labelPrice,
                null, null);
        lines.add(line);
        return line;
    }

    /**
     * Adds a return line: the customer brings back {@code quantity} (positive) units, refunded at
     * {@code unitRefund} each. With a receipt, {@code returnOf} names the original line and the
     * caller has checked the quantity against what was sold and already returned.
     */
    public SaleLine addReturn(ProductRef product, BigDecimal quantity, Money unitRefund, SaleLine.ReturnRef returnOf) {
        return addReturns(List.of(new ReturnRequest(product, quantity, unitRefund, returnOf))).get(0);
    }

    /** One item coming back, for {@link #addReturns}. */
    public record ReturnRequest(ProductRef product, BigDecimal quantity, Money unitRefund, SaleLine.ReturnRef returnOf) {
    }

    /** Adds several return lines, all or none: every one is checked before any is added. */
    public List<SaleLine> addReturns(List<ReturnRequest> requests) {
        requireOpen();
        for (ReturnRequest request : requests) {
            checkQuantity(request.product().unit(), request.quantity());
            checkPrice(request.unitRefund());
        }
        boolean withoutReceipt = requests.stream().anyMatch(r -> r.returnOf() == null);
        boolean withReceipt = requests.stream().anyMatch(r -> r.returnOf() != null);
        if (withReceipt) {
            require(Permission.RETURN_WITH_RECEIPT, "return against a receipt");
        }
        if (withoutReceipt) {
            require(Permission.RETURN_WITHOUT_RECEIPT, "return without a receipt");
        }
        List<SaleLine> added = new ArrayList<>();
        for (ReturnRequest request : requests) {
            SaleLine line = new SaleLine(lines.size() + 1, request.product(), request.quantity().negate(),
                    request.unitRefund(), request.unitRefund(), null, request.returnOf());
            lines.add(line);
            added.add(line);
        }
        return added;
    }

    public SaleLine setQuantity(int lineNumber, BigDecimal quantity) {
        requireOpen();
        SaleLine line = line(lineNumber);
        if (line.isReturn()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "change a return line by voiding it and returning again");
        }
        checkQuantity(line.product().unit(), quantity);
        return replace(line.withQuantity(quantity));
    }

    public SaleLine overridePrice(int lineNumber, Money unitPrice) {
        requireOpen();
        SaleLine line = line(lineNumber);
        if (line.isReturn()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "a return line keeps the price it was sold at");
        }
        checkPrice(unitPrice);
        require(Permission.PRICE_OVERRIDE, "price of " + line.product().name() + " from "
                + line.unitPrice().amount().toPlainString() + " to " + unitPrice.amount().toPlainString());
        return replace(line.withUnitPrice(unitPrice));
    }

    public SaleLine discountLine(int lineNumber, Discount discount) {
        requireOpen();
        SaleLine line = line(lineNumber);
        if (line.isReturn()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "a return line cannot be discounted");
        }
        if (discount != null && discount.kind() == Discount.Kind.AMOUNT) {
            Money gross = line.unitPrice().times(line.quantity());
            if (discount.value().compareTo(gross.amount()) > 0) {
                throw new SaleException(SaleException.Code.BAD_DISCOUNT,
                        "the discount " + discount.value().toPlainString() + " is more than the line's " + gross.amount().toPlainString());
            }
        }
        if (discount != null) {
            requireDiscount(discount, line.unitPrice().times(line.quantity()), "line " + lineNumber + " ("
                    + line.product().name() + ")");
        }
        return replace(line.withDiscount(discount));
    }

    public void discountBasket(Discount discount) {
        requireOpen();
        Money before = pricing.calculate(lines, null, promotions).total();
        if (discount != null && discount.kind() == Discount.Kind.AMOUNT) {
            if (discount.value().compareTo(before.amount()) > 0) {
                throw new SaleException(SaleException.Code.BAD_DISCOUNT,
                        "the discount " + discount.value().toPlainString() + " is more than the sale's " + before.amount().toPlainString());
            }
        }
        if (discount != null) {
            requireDiscount(discount, before, "the basket");
        }
        this.basketDiscount = discount;
    }

    /** Takes a line off the ticket; it stays in {@link #voidedLines()} for the audit trail. */
    public void voidLine(int lineNumber, Instant at) {
        requireOpen();
        SaleLine line = line(lineNumber);
        require(Permission.VOID_LINE, "void line " + lineNumber + " (" + line.product().name() + ")");
        lines.remove(line);
        voidedLines.add(new VoidedLine(line, cashier, at));
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i).renumbered(i + 1));
        }
    }

    /** Puts recalled lines into a new, empty sale (see {@link SaleService#recall}). */
    void restore(List<SaleLine> recalled, Discount basket) {
        requireOpen();
        if (!lines.isEmpty()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "finish or park the current sale first");
        }
        lines.addAll(recalled);
        basketDiscount = basket;
    }

    /** Voids the whole sale; tenders already taken must be handed back first by the caller. */
    public void voidSale() {
        if (state == State.COMPLETED || state == State.VOIDED) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "this sale is already " + state.name().toLowerCase());
        }
        if (!tenders.isEmpty()) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "payments were taken; remove them before voiding the sale");
        }
        require(Permission.VOID_SALE, "void the sale (" + lines.size() + " lines, " + totals().total().amount().toPlainString() + ")");
        state = State.VOIDED;
    }

    /** The promotions in force when the sale started; they apply to its lines on their own. */
    void usePromotions(List<Promotion> inForce) {
        this.promotions = List.copyOf(inForce);
    }

    public List<Promotion> promotions() {
        return promotions;
    }

    // ---- permissions and approvals -----------------------------------------------------------

    /**
     * Holds a supervisor's approval of one action for this sale's cashier; the next action that
     * needs {@code approval.permission()} uses it up and is recorded as an {@link ApprovedAction}.
     */
    public void approve(Approval approval) {
        if (!policy.allows(approval.approver(), approval.permission())) {
            throw new SaleException(SaleException.Code.NOT_ALLOWED, approval.approver().displayName()
                    + " may not approve this either", approval.permission());
        }
        approvals.put(approval.permission(), approval);
    }

    /** Approved actions in the order they happened. */
    public List<ApprovedAction> overrides() {
        return Collections.unmodifiableList(overrides);
    }

    private void require(Permission permission, String detail) {
        if (policy.allows(cashier, permission)) {
            return;
        }
        Approval approval = approvals.remove(permission);
        if (approval == null) {
            throw new SaleException(SaleException.Code.NOT_ALLOWED, cashier.displayName() + " may not "
                    + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; a supervisor can approve it",
                    permission);
        }
        overrides.add(new ApprovedAction(permission, approval.approver(), approval.at(), detail));
    }

    /** A discount within the store's limit needs {@code DISCOUNT}; above it {@code DISCOUNT_ABOVE_LIMIT}. */
    private void requireDiscount(Discount discount, Money base, String what) {
        BigDecimal percent = discount.kind() == Discount.Kind.PERCENT ? discount.value()
                : base.amount().signum() == 0 ? BigDecimal.ZERO
                : discount.value().multiply(BigDecimal.valueOf(100)).divide(base.amount(), 4, java.math.RoundingMode.HALF_UP);
        String detail = "discount " + discount.value().toPlainString() + (discount.kind() == Discount.Kind.PERCENT ? " %" : "")
                + " on " + what;
        if (percent.compareTo(limits.discountLimitPercent()) > 0) {
            require(Permission.DISCOUNT_ABOVE_LIMIT, detail);
        } else {
            require(Permission.DISCOUNT, detail);
        }
    }

    // ---- payment -------------------------------------------------------------------------------

    public SaleTotals totals() {
        return pricing.calculate(lines, basketDiscount, promotions);
    }

    public Payment payment() {
        Money total = totals().total();
        boolean refund = total.isNegative();
        Money due = refund ? Money.zero(currency).minus(total) : total;
        Money card = Money.zero(currency);
        Money cash = Money.zero(currency);
        for (Tender tender : tenders) {
            if (tender instanceof Tender.Card) {
                card = card.plus(tender.amount());
            } else {
                cash = cash.plus(tender.amount());
            }
        }
        Money afterCard = due.minus(card);
        Money cashDue = cashRounding.round(afterCard);
        Money rounding = cashDue.minus(afterCard);
        Money zero = Money.zero(currency);
        Money remainingCash = max(cashDue.minus(cash), zero);
        Money remainingCard = max(afterCard.minus(cash), zero);
        Money change = max(cash.minus(cashDue), zero);
        if (cash.isZero()) {
            rounding = zero; // no cash taken: nothing was rounded
        }
        return new Payment(refund, due, card, cash, rounding, remainingCash, remainingCard, change);
    }

    /** Takes a payment (or, for a refund, a payout). Lines are fixed from the first tender on. */
    public void addTender(Tender tender) {
        if (state != State.OPEN && state != State.TENDERING) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "this sale is " + state.name().toLowerCase());
        }
        if (lines.isEmpty()) {
            throw new SaleException(SaleException.Code.EMPTY_SALE, "there is nothing to pay for yet");
        }
        if (!tender.amount().currency().equals(currency)) {
            throw new TenderException("the payment is in another currency");
        }
        Payment now = payment();
        if (now.isSettled()) {
            throw new TenderException("the sale is already paid");
        }
        if (tender instanceof Tender.Card && tender.amount().compareTo(now.remainingByCard()) > 0) {
            throw new TenderException("a card can pay at most the " + now.remainingByCard().amount().toPlainString()
                    + " still due (no cash back)");
        }
        if (tender instanceof Tender.Cash && now.refund() && tender.amount().compareTo(now.remaining()) > 0) {
            throw new TenderException("pay out at most the " + now.remaining().amount().toPlainString() + " to refund");
        }
        if (tender instanceof Tender.Cash && !now.refund()
                && tender.amount().minus(now.remaining()).amount().compareTo(limits.maxCashOver()) > 0) {
            throw new TenderException("cash of " + tender.amount().amount().toPlainString() + " for "
                    + now.remaining().amount().toPlainString() + " due is more than the largest note over; check the amount");
        }
        tenders.add(tender);
        state = State.TENDERING;
    }

    /** Takes back the payments, e.g. when the customer changes their mind; lines can change again. */
    public void clearTenders() {
        if (state != State.TENDERING) {
            throw new SaleException(SaleException.Code.WRONG_STATE, "there are no payments to take back");
        }
        tenders.clear();
        state = State.OPEN;
    }

    /** Marks the sale completed once fully paid; the caller records it durably before saying so. */
    public void markCompleted() {
        if (state != State.TENDERING) {
            throw new SaleException(state == State.OPEN ? SaleException.Code.TENDER_SHORT : SaleException.Code.WRONG_STATE,
                    state == State.OPEN ? "take a payment first" : "this sale is " + state.name().toLowerCase());
        }
        if (!payment().isSettled()) {
            throw new SaleException(SaleException.Code.TENDER_SHORT,
                    payment().remaining().amount().toPlainString() + " is still due");
        }
        state = State.COMPLETED;
    }

    // ---- reading -------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public StaffMember cashier() {
        return cashier;
    }

    public Currency currency() {
        return currency;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public State state() {
        return state;
    }

    public List<SaleLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<VoidedLine> voidedLines() {
        return Collections.unmodifiableList(voidedLines);
    }

    public List<Tender> tenders() {
        return Collections.unmodifiableList(tenders);
    }

    public Discount basketDiscount() {
        return basketDiscount;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    // ---- checks --------------------------------------------------------------------------------

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new SaleException(SaleException.Code.WRONG_STATE, state == State.TENDERING
                    ? "payments were taken; take them back before changing the sale"
                    : "this sale is " + state.name().toLowerCase());
        }
    }

    private SaleLine line(int number) {
        if (number < 1 || number > lines.size()) {
            throw new SaleException(SaleException.Code.NO_SUCH_LINE, "there is no line " + number);
        }
        return lines.get(number - 1);
    }

    private SaleLine replace(SaleLine line) {
        lines.set(line.number() - 1, line);
        return line;
    }

    private void checkQuantity(Unit unit, BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new SaleException(SaleException.Code.BAD_QUANTITY, "the quantity must be more than zero");
        }
        if (unit == Unit.EACH) {
            if (quantity.stripTrailingZeros().scale() > 0) {
                throw new SaleException(SaleException.Code.BAD_QUANTITY, "this item is sold by the piece: use a whole number");
            }
            if (quantity.compareTo(limits.maxQuantity()) > 0) {
                throw new SaleException(SaleException.Code.BAD_QUANTITY,
                        "at most " + limits.maxQuantity().toPlainString() + " pieces on one line");
            }
        } else {
            if (quantity.stripTrailingZeros().scale() > 3) {
                throw new SaleException(SaleException.Code.BAD_QUANTITY, "weights are entered to the gram (3 decimals)");
            }
            if (quantity.compareTo(limits.maxWeightKg()) > 0) {
                throw new SaleException(SaleException.Code.BAD_QUANTITY,
                        "at most " + limits.maxWeightKg().toPlainString() + " kg on one line");
            }
        }
    }

    private void checkPrice(Money price) {
        if (price.isNegative()) {
            throw new SaleException(SaleException.Code.BAD_PRICE, "a price cannot be negative");
        }
        if (price.amount().compareTo(limits.maxUnitPrice()) > 0) {
            throw new SaleException(SaleException.Code.BAD_PRICE,
                    "a price above " + limits.maxUnitPrice().toPlainString() + " is refused as a likely typing mistake");
        }
    }

    private static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
