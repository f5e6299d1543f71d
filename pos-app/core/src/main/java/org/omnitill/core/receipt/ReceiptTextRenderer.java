package org.omnitill.core.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A receipt as plain monospaced text, for the screen, logs and tests: the same layout the printer
 * gets ({@link ReceiptLayout}), with the barcode shown as {@code [barcode T01-000042]} and the QR
 * code as {@code [qr https://...]}. No line is longer than the width (a long QR link is broken over
 * several lines). Bold and double height do not show in text. Lines end with {@code \n}, trailing
 * spaces removed.
 */
public final class ReceiptTextRenderer {

    private final ReceiptLayout layout;

    /** @param columns characters per line, as the printer: 32, 42 or 48 */
    public ReceiptTextRenderer(int columns) {
        this.layout = new ReceiptLayout(columns, UnaryOperator.identity());
    }

    public int columns() {
        return layout.columns();
    }

    public String render(Receipt receipt) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(receipt)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The receipt's lines, without line ends. */
    public List<String> lines(Receipt receipt) {
        int columns = layout.columns();
        List<String> lines = new ArrayList<>();
        for (ReceiptLayout.Block block : layout.lay(receipt)) {
            switch (block) {
                case ReceiptLayout.Text text -> lines.add(align(text.text(), text.align(), columns));
                case ReceiptLayout.Barcode barcode -> placeholder("[barcode " + barcode.data() + "]", columns, lines);
                case ReceiptLayout.QrCode qr -> placeholder("[qr " + qr.data() + "]", columns, lines);
            }
        }
        return lines;
    }

    private static void placeholder(String text, int columns, List<String> lines) {
        if (ReceiptLayout.length(text) <= columns) {
            lines.add(align(text, ReceiptLayout.Align.CENTER, columns));
            return;
        }
        String rest = text;
        while (!rest.isEmpty()) {
            int take = Math.min(columns, ReceiptLayout.length(rest));
            int cut = rest.offsetByCodePoints(0, take);
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
    }

    private static String align(String text, ReceiptLayout.Align align, int columns) {
        int free = Math.max(0, columns - ReceiptLayout.length(text));
        String line = switch (align) {
            case LEFT -> text;
            case CENTER -> " ".repeat(free / 2) + text;
            case RIGHT -> " ".repeat(free) + text;
        };
        return line.stripTrailing();
    }
}
