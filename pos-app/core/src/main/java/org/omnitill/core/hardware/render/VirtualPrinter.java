package org.omnitill.core.hardware.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.omnitill.core.receipt.MonoImage;

/**
 * A receipt printer on paper that is a picture: draws {@link PaperElement}s at the printer's
 * resolution (203 dpi, one pixel a dot), {@code paperDots} wide, in font A (12 x 24 dots a
 * character). Text in a monospaced font scaled to the cell; barcodes and QR codes drawn with ZXing
 * from the data the printer got; cuts as dashed lines; what does not print (a drawer kick, an
 * unknown command) as a blue note beside the paper, so a reviewer sees everything the printer got.
 *
 * <p>{@code omnitill hardware render FILE.bin --png OUT.png} uses it to show the project's own
 * ESC/POS output without a printer.
 */
public final class VirtualPrinter {

    public static final int CELL_WIDTH = 12;
    public static final int CELL_HEIGHT = 24;
    /** Epson's default line spacing, 1/6 inch, in dots at 203 dpi. */
    public static final int LINE_SPACING = 30;
    private static final int MARGIN = 16;
    private static final Color NOTE = new Color(0x1F, 0x5F, 0xBF);
    private static final Color EDGE = new Color(0xC8, 0xC8, 0xC8);

    private final int paperDots;
    private final Font font;

    /** @param paperDots the printable width: 384 (58 mm), 512 or 576 (80 mm) */
    public VirtualPrinter(int paperDots) {
        if (paperDots < 96 || paperDots > 2048) {
            throw new IllegalArgumentException("a paper width of " + paperDots + " dots? 384 (58 mm) or 576 (80 mm)");
        }
        this.paperDots = paperDots;
        this.font = monospaced();
    }

    private static Font monospaced() {
        List<String> names = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        String family = names.contains("DejaVu Sans Mono") ? "DejaVu Sans Mono" : Font.MONOSPACED;
        return new Font(family, Font.PLAIN, 20);
    }

    /** The whole paper: interprets {@code escPos} and draws it. */
    public BufferedImage print(byte[] escPos) {
        return draw(EscPosInterpreter.interpret(escPos));
    }

    public BufferedImage draw(List<PaperElement> elements) {
        int height = MARGIN;
        for (PaperElement element : elements) {
            height += heightOf(element);
        }
        height += MARGIN;
        int noteWidth = elements.stream().anyMatch(e -> e instanceof PaperElement.Note) ? 360 : 0;
        BufferedImage image = new BufferedImage(paperDots + 2 * MARGIN + noteWidth, Math.max(height, 2 * MARGIN),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(EDGE);
            g.drawRect(0, 0, paperDots + 2 * MARGIN - 1, image.getHeight() - 1);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            for (PaperElement element : elements) {
                drawElement(g, element, y);
                y += heightOf(element);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private int heightOf(PaperElement element) {
        return switch (element) {
            case PaperElement.TextLine line -> Math.max(LINE_SPACING, line.height() * CELL_HEIGHT + 6);
            case PaperElement.Image picture -> picture.image().height();
            case PaperElement.NvImageMissing missing -> 96;
            case PaperElement.Barcode barcode -> barcode.height() + (hriBelow(barcode) ? CELL_HEIGHT + 4 : 0)
                    + (hriAbove(barcode) ? CELL_HEIGHT + 4 : 0);
            case PaperElement.QrCode qr -> qrMatrix(qr).getHeight() * qr.moduleSize();
            case PaperElement.Feed feed -> feed.dots();
            case PaperElement.Cut cut -> 24;
            case PaperElement.Note note -> 0;
        };
    }

    private static boolean hriBelow(PaperElement.Barcode barcode) {
        return barcode.hri() == 2 || barcode.hri() == 3;
    }

    private static boolean hriAbove(PaperElement.Barcode barcode) {
        return barcode.hri() == 1 || barcode.hri() == 3;
    }

    private int x(PaperElement.Align align, int width) {
        return MARGIN + switch (align) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (paperDots - width) / 2);
            case RIGHT -> Math.max(0, paperDots - width);
        };
    }

    private void drawElement(Graphics2D g, PaperElement element, int y) {
        switch (element) {
            case PaperElement.TextLine line -> drawText(g, line, y);
            case PaperElement.Image picture -> drawImage(g, picture.image(), x(picture.align(), picture.image().width()), y);
            case PaperElement.NvImageMissing missing -> {
                int w = Math.min(384, paperDots);
                int x = x(missing.align(), w);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
                g.drawRect(x, y + 4, w - 1, 88);
                g.setFont(font.deriveFont(16f));
                g.drawString("NV image " + missing.number() + " (stored in the printer)", x + 12, y + 52);
                g.setStroke(new BasicStroke());
            }
            case PaperElement.Barcode barcode -> drawBarcode(g, barcode, y);
            case PaperElement.QrCode qr -> {
                BitMatrix matrix = qrMatrix(qr);
                int w = matrix.getWidth() * qr.moduleSize();
                drawMatrix(g, matrix, x(qr.align(), w), y, qr.moduleSize(), qr.moduleSize(), 1);
            }
            case PaperElement.Feed feed -> { }
            case PaperElement.Cut cut -> {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
                        cut.partial() ? new float[] {8, 6} : new float[] {2, 2}, 0));
                g.drawLine(0, y + 12, paperDots + 2 * MARGIN, y + 12);
                g.setStroke(new BasicStroke());
                g.setFont(font.deriveFont(12f));
                g.drawString(cut.partial() ? "partial cut" : "full cut", paperDots + 2 * MARGIN - 90, y + 9);
            }
            case PaperElement.Note note -> {
                g.setColor(NOTE);
                g.setFont(font.deriveFont(Font.ITALIC, 13f));
                g.drawString("\u25C0 " + note.text(), paperDots + 2 * MARGIN + 8, y + 14);
            }
        }
    }

    private void drawText(Graphics2D g, PaperElement.TextLine line, int y) {
        int columns = line.runs().stream().mapToInt(r -> r.text().length() * r.width()).sum();
        int x = x(line.align(), columns * CELL_WIDTH);
        int baseline = y + line.height() * CELL_HEIGHT;
        for (PaperElement.Run run : line.runs()) {
            Font style = font.deriveFont(run.bold() ? Font.BOLD : Font.PLAIN);
            for (char c : run.text().toCharArray()) {
                int cellW = CELL_WIDTH * run.width();
                int cellH = CELL_HEIGHT * run.height();
                if (run.reverse()) {
                    g.setColor(Color.BLACK);
                    g.fillRect(x, baseline - cellH, cellW, cellH);
                }
                g.setColor(run.reverse() ? Color.WHITE : Color.BLACK);
                // the font's cell is ~12 x 24 at 20 px; scale it to the character size
                Font scaled = style.deriveFont(AffineTransform.getScaleInstance(run.width(), run.height()));
                g.setFont(scaled);
                g.drawString(String.valueOf(c), x, baseline - 5 * run.height());
                if (run.underline()) {
                    g.fillRect(x, baseline - 2, cellW, 2);
                }
                x += cellW;
            }
        }
    }

    private void drawImage(Graphics2D g, MonoImage picture, int x0, int y0) {
        g.setColor(Color.BLACK);
        for (int y = 0; y < picture.height(); y++) {
            for (int x = 0; x < picture.width(); x++) {
                if (picture.black(x, y)) {
                    g.fillRect(x0 + x, y0 + y, 1, 1);
                }
            }
        }
    }

    private void drawBarcode(Graphics2D g, PaperElement.Barcode barcode, int y) {
        BitMatrix matrix;
        try {
            BarcodeFormat format = BarcodeFormat.valueOf(barcode.symbology());
            matrix = new MultiFormatWriter().encode(barcode.data(), format, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
        } catch (IllegalArgumentException | WriterException e) {
            g.setColor(NOTE);
            g.setFont(font.deriveFont(Font.ITALIC, 13f));
            g.drawString("barcode " + barcode.symbology() + " '" + barcode.data() + "' cannot be drawn: " + e.getMessage(),
                    MARGIN, y + 20);
            return;
        }
        int width = matrix.getWidth() * barcode.moduleWidth();
        int x = x(barcode.align(), width);
        int top = y + (hriAbove(barcode) ? CELL_HEIGHT + 4 : 0);
        drawMatrix(g, matrix, x, top, barcode.moduleWidth(), barcode.height(), 0);
        g.setColor(Color.BLACK);
        g.setFont(font);
        int textWidth = barcode.data().length() * CELL_WIDTH;
        if (hriAbove(barcode)) {
            g.drawString(barcode.data(), x(barcode.align(), textWidth), y + CELL_HEIGHT - 5);
        }
        if (hriBelow(barcode)) {
            g.drawString(barcode.data(), x(barcode.align(), textWidth), top + barcode.height() + CELL_HEIGHT - 1);
        }
    }

    /** Draws a 1-row barcode matrix stretched to {@code height}, or a QR matrix of square modules. */
    private static void drawMatrix(Graphics2D g, BitMatrix matrix, int x0, int y0, int moduleW, int moduleH, int rows) {
        g.setColor(Color.BLACK);
        int height = rows == 0 ? 1 : matrix.getHeight();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(x0 + x * moduleW, y0 + y * moduleH, moduleW, moduleH);
                }
            }
        }
    }

    private static BitMatrix qrMatrix(PaperElement.QrCode qr) {
        try {
            return new MultiFormatWriter().encode(qr.data(), BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(String.valueOf(qr.errorCorrection()))));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code data does not fit: " + e.getMessage(), e);
        }
    }

    /** The notes (what did not print), for a command line to list. */
    public static List<String> notes(List<PaperElement> elements) {
        List<String> notes = new ArrayList<>();
        elements.forEach(e -> {
            if (e instanceof PaperElement.Note note) {
                notes.add(note.text());
            }
        });
        return notes;
    }
}
