package org.omnitill.core.receipt;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.Discount;
import org.omnitill.core.tax.TaxLine;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tender.Tender;

/**
 * Lays a {@link Receipt} out for a printer or screen {@code columns} characters wide: the one place
 * that decides what goes on which line, shared by the text renderer and the ESC/POS encoder.
 *
 * <p>Every text block is at most {@code columns} characters long (counted in code points). Long
 * texts (product names, header lines, the cashier's name) <b>wrap</b> at spaces onto further lines,
 * continuation lines keeping the first line's indent; a word longer than the line is cut into
 * pieces. An amount stays on the right of the last line of its label, or gets a line of its own,
 * right-aligned, when even that does not fit. Nothing is ever truncated.
 *
 * <p>Texts pass through {@code printable} before they are measured, so a code page that spells
 * {@code €} as {@code EUR} still gets straight columns.
 */
public final class ReceiptLayout {

    public enum Align { LEFT, CENTER, RIGHT }

    /** One element of a laid-out receipt. */
    public sealed interface Block permits Text, Barcode, QrCode {
    }

    /**
     * One line of text, at most the width long, already through the printable filter. A centered or
     * right-aligned line carries no padding: the renderer aligns it.
     *
     * @param tall double height, same width (the total)
     */
    public record Text(String text, Align align, boolean bold, boolean tall) implements Block {
    }

    /** A CODE128 barcode of {@code data} with its human-readable text below. */
    public record Barcode(String data) implements Block {
    }

    /** A QR code of {@code data}. */
    public record QrCode(String data) implements Block {
    }

    public static final int MIN_COLUMNS = 24;
    public static final int MAX_COLUMNS = 96;
    /** The narrowest a label may wrap beside its amount before the amount gets its own line. */
    private static final int MIN_LABEL = 12;

    private final int columns;
    private final UnaryOperator<String> printable;

    /**
     * @param columns   characters per line: 32 (58 mm paper), 42 or 48 (80 mm) on most printers
     * @param printable turns text into what the output can show, one character per column
     */
    public ReceiptLayout(int columns, UnaryOperator<String> printable) {
        if (columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("a receipt is " + MIN_COLUMNS + " to " + MAX_COLUMNS
                    + " columns wide (usually 32, 42 or 48), not " + columns);
        }
        this.columns = columns;
        this.printable = Objects.requireNonNull(printable, "printable");
    }

    public int columns() {
        return columns;
    }

    public List<Block> lay(Receipt receipt) {
        return new Writer(receipt).write();
    }

    private final class Writer {

        private final Receipt receipt;
        private final Locale locale;
        private final ReceiptLabels labels;
        private final List<Block> blocks = new ArrayList<>();

        Writer(Receipt receipt) {
            this.receipt = receipt;
            this.locale = receipt.locale();
            this.labels = ReceiptLabels.of(locale);
        }

        List<Block> write() {
            header();
            rule();
            receipt.items().forEach(this::item);
            rule();
            totals();
            taxes();
            tenders();
            footer();
            return blocks;
        }

        private void header() {
            centered(receipt.storeName(), true, false);
            receipt.headerLines().forEach(line -> centered(line, false, false));
            if (receipt.copy()) {
                centered(labels.get("copy"), true, false);
            }
            if (receipt.refund()) {
                centered(labels.get("refund"), true, false);
            }
            blank();
            String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(receipt.completedAt())
                    + " " + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(receipt.completedAt());
            leftRight(when, receipt.tillCode() == null ? "" : labels.get("till") + " " + receipt.tillCode(), false, false);
            if (receipt.cashierName() != null) {
                left(labels.get("cashier") + ": " + receipt.cashierName());
            }
            left(labels.get("receipt") + ": " + receipt.receiptNumber());
        }

        private void item(Receipt.Item item) {
            String name = item.isReturn() ? labels.get("return") + " " + item.name() : item.name();
            leftRight(name, money(item.gross()), false, false);
            BigDecimal quantity = item.quantity().abs();
            if (item.isWeighed()) {
                left("  " + weight(quantity) + " kg x " + money(item.unitPrice()) + "/kg");
            } else if (quantity.compareTo(BigDecimal.ONE) != 0) {
                left("  " + quantity.stripTrailingZeros().toPlainString() + " x " + money(item.unitPrice()));
            }
            if (!item.lineDiscount().isZero()) {
                Discount discount = item.discount();
                String label = item.promotion() != null ? item.promotion() : labels.get("discount");
                if (item.promotion() == null && discount != null && discount.kind() == Discount.Kind.PERCENT) {
                    label += " " + percent(discount.value());
                }
                leftRight("  " + label, money(negate(item.lineDiscount())), false, false);
            }
            if (!item.basketDiscount().isZero()) {
                leftRight("  " + labels.get("basketDiscount"), money(negate(item.basketDiscount())), false, false);
            }
            if (item.returnOf() != null) {
                left("  " + labels.get("returnOf") + " " + item.returnOf());
            }
        }

        private void totals() {
            leftRight(labels.get("subtotal"), money(receipt.subtotal()), false, false);
            if (!receipt.discounts().isZero()) {
                leftRight(labels.get("discounts"), money(negate(receipt.discounts())), false, false);
            }
            if (receipt.taxMode() == TaxMode.EXCLUSIVE && !receipt.taxes().isEmpty()) {
                leftRight(labels.get("tax"), money(receipt.taxTotal()), false, false);
            }
            leftRight(labels.get(receipt.refund() ? "totalRefund" : "total"), money(receipt.total()), true, true);
            if (receipt.taxMode() == TaxMode.INCLUSIVE && !receipt.taxes().isEmpty()) {
                leftRight(labels.get("inclTax"), money(receipt.taxTotal()), false, false);
            }
        }

        /**
         * The tax of each rate as a table (rate, net, tax, gross), each column as wide as its widest
         * entry; when the table does not fit the width, each rate gets a block of lines instead.
         */
        private void taxes() {
            if (receipt.taxes().isEmpty()) {
                return;
            }
            rule();
            left(labels.get(receipt.taxMode() == TaxMode.INCLUSIVE ? "taxIncluded" : "taxAdded"));
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            int digits = Math.max(receipt.currency().getDefaultFractionDigits(), 0);
            number.setMinimumFractionDigits(digits);
            number.setMaximumFractionDigits(digits);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {text(labels.get("rate")), text(labels.get("net")), text(labels.get("tax")),
                    text(labels.get("gross"))});
            for (TaxLine tax : receipt.taxes()) {
                rows.add(new String[] {text(tax.code() + " " + percent(tax.percent())), text(number.format(tax.net().amount())),
                        text(number.format(tax.tax().amount())), text(number.format(tax.gross().amount()))});
            }
            int[] widths = new int[4];
            for (String[] row : rows) {
                for (int c = 0; c < 4; c++) {
                    widths[c] = Math.max(widths[c], length(row[c]));
                }
            }
            int needed = widths[0] + 3 * 1 + widths[1] + widths[2] + widths[3];
            if (needed <= columns) {
                int gap = (columns - widths[0] - widths[1] - widths[2] - widths[3]) / 3;
                gap = Math.min(Math.max(gap, 1), 3);
                for (String[] row : rows) {
                    StringBuilder line = new StringBuilder(pad(row[0], widths[0], false));
                    for (int c = 1; c < 4; c++) {
                        line.append(" ".repeat(gap)).append(pad(row[c], widths[c], true));
                    }
                    addLeft(stripTrailing(line.toString()));
                }
            } else {
                String[] head = rows.get(0);
                for (String[] row : rows.subList(1, rows.size())) {
                    addWrapped(row[0], Align.LEFT, false, false);
                    for (int c = 1; c < 4; c++) {
                        leftRightPrintable("  " + head[c], row[c], false, false);
                    }
                }
            }
        }

        private void tenders() {
            if (receipt.tenders().isEmpty()) {
                return;
            }
            rule();
            boolean cash = false;
            for (Tender tender : receipt.tenders()) {
                if (tender instanceof Tender.Card card) {
                    StringBuilder label = new StringBuilder(labels.get(receipt.refund() ? "cardRefund" : "card"));
                    if (card.brand() != null) {
                        label.append(' ').append(card.brand());
                    }
                    if (card.last4() != null) {
                        label.append(" ****").append(card.last4());
                    }
                    leftRight(label.toString(), money(card.amount()), false, false);
                    if (card.approvalCode() != null) {
                        left("  " + labels.get("approval") + " " + card.approvalCode());
                    }
                    if (card.terminalReference() != null) {
                        left("  " + labels.get("terminalRef") + " " + card.terminalReference());
                    }
                } else {
                    cash = true;
                    leftRight(labels.get(receipt.refund() ? "cashRefund" : "cash"), money(tender.amount()), false, false);
                }
            }
            if (!receipt.cashRounding().isZero()) {
                leftRight(labels.get("cashRounding"), money(receipt.cashRounding()), false, false);
            }
            if (cash && !receipt.refund()) {
                leftRight(labels.get("change"), money(receipt.change()), false, false);
            }
        }

        private void footer() {
            rule();
            if (receipt.barcode() != null && !receipt.barcode().isBlank()) {
                blocks.add(new Barcode(receipt.barcode()));
            }
            if (receipt.qrCode() != null) {
                centered(labels.get("feedback"), false, false);
                blocks.add(new QrCode(receipt.qrCode()));
            }
            centered(labels.get("thanks"), false, false);
        }

        // ---- formatting ------------------------------------------------------------------------

        private String money(Money money) {
            return money.format(locale);
        }

        private String weight(BigDecimal kilograms) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(3);
            format.setMaximumFractionDigits(3);
            return format.format(kilograms);
        }

        private static String percent(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString() + "%";
        }

        private static Money negate(Money money) {
            return Money.zero(money.currency()).minus(money);
        }

        // ---- lines -----------------------------------------------------------------------------

        private void rule() {
            blocks.add(new Text("-".repeat(columns), Align.LEFT, false, false));
        }

        private void blank() {
            blocks.add(new Text("", Align.LEFT, false, false));
        }

        private void left(String raw) {
            addWrapped(text(raw), Align.LEFT, false, false);
        }

        private void centered(String raw, boolean bold, boolean tall) {
            addWrapped(text(raw), Align.CENTER, bold, tall);
        }

        private void leftRight(String rawLeft, String rawRight, boolean bold, boolean tall) {
            leftRightPrintable(text(rawLeft), text(rawRight), bold, tall);
        }

        /**
         * {@code left} with {@code right} flush right on its first line. A {@code left} too long for
         * that wraps in the room the amount leaves; when even that is too narrow, {@code left} gets
         * the full width and {@code right} a line of its own.
         */
        private void leftRightPrintable(String left, String right, boolean bold, boolean tall) {
            String value = stripTrailing(left);
            if (right.isEmpty()) {
                addWrapped(value, Align.LEFT, bold, tall);
                return;
            }
            if (length(value) + 1 + length(right) <= columns) {
                blocks.add(new Text(value + " ".repeat(columns - length(value) - length(right)) + right, Align.LEFT,
                        bold, tall));
                return;
            }
            int room = columns - 1 - length(right);
            if (room >= MIN_LABEL) {
                List<String> lines = wrap(value, room);
                String first = lines.get(0);
                blocks.add(new Text(first + " ".repeat(columns - length(first) - length(right)) + right, Align.LEFT,
                        bold, tall));
                for (String line : lines.subList(1, lines.size())) {
                    blocks.add(new Text(line, Align.LEFT, bold, tall));
                }
                return;
            }
            addWrapped(value, Align.LEFT, bold, tall);
            for (String piece : wrap(right, columns)) {
                blocks.add(new Text(piece, Align.RIGHT, bold, tall));
            }
        }

        private void addLeft(String printableLine) {
            addWrapped(printableLine, Align.LEFT, false, false);
        }

        private void addWrapped(String printableText, Align align, boolean bold, boolean tall) {
            for (String line : wrap(printableText, columns)) {
                blocks.add(new Text(align == Align.LEFT ? line : line.strip(), align, bold, tall));
            }
        }

        /** Through the printable filter, with every kind of space made a plain space. */
        private String text(String raw) {
            return printable.apply(normalizeSpaces(raw == null ? "" : raw));
        }

        /**
         * Breaks {@code text} into lines of at most the width at spaces; continuation lines keep the
         * first line's indent; a word longer than a line is cut.
         */
        private List<String> wrap(String text, int columns) {
            List<String> lines = new ArrayList<>();
            String value = stripTrailing(text);
            if (length(value) <= columns) {
                lines.add(value); // fits: spaces inside (table columns) stay as they are
                return lines;
            }
            int indentLength = value.length() - value.stripLeading().length();
            String indent = value.substring(0, Math.min(indentLength, columns / 4));
            String rest = value.stripLeading();
            String current = indent;
            for (String word : rest.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                boolean fresh = current.length() == indent.length();
                int needed = length(current) + (fresh ? 0 : 1) + length(word);
                if (needed <= columns) {
                    current = fresh ? current + word : current + " " + word;
                    continue;
                }
                if (!fresh) {
                    lines.add(current);
                    current = indent;
                }
                while (length(indent) + length(word) > columns) {
                    int take = columns - length(indent);
                    int cut = word.offsetByCodePoints(0, take);
                    lines.add(indent + word.substring(0, cut));
                    word = word.substring(cut);
                }
                current = indent + word;
            }
            if (current.length() > indent.length() || lines.isEmpty()) {
                lines.add(current.length() > indent.length() ? current : "");
            }
            return lines;
        }
    }

    static String normalizeSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - length(text)));
        return right ? spaces + text : text + spaces;
    }

    private static String stripTrailing(String text) {
        return text.stripTrailing();
    }
}
