package org.omnitill.core.hardware.render;

import java.util.List;
import org.omnitill.core.receipt.MonoImage;

/** What the virtual printer puts on the paper, top to bottom. */
public sealed interface PaperElement {

    enum Align { LEFT, CENTER, RIGHT }

    /** A run of text in one style: {@code width} and {@code height} are the character size multipliers. */
    record Run(String text, boolean bold, boolean underline, boolean reverse, int width, int height) {
    }

    /** One printed line (LF). An empty line still takes a line's height. */
    record TextLine(List<Run> runs, Align align) implements PaperElement {
        public String text() {
            StringBuilder out = new StringBuilder();
            runs.forEach(run -> out.append(run.text()));
            return out.toString();
        }

        public int height() {
            return runs.stream().mapToInt(Run::height).max().orElse(1);
        }
    }

    /** A bit image ({@code GS v 0}, or an NV image stored with {@code FS q} in the same stream). */
    record Image(MonoImage image, Align align, String source) implements PaperElement {
    }

    /** {@code FS p} of an NV image this stream did not define: it lives in the printer. */
    record NvImageMissing(int number, Align align) implements PaperElement {
    }

    /**
     * A barcode ({@code GS k}).
     *
     * @param symbology e.g. {@code CODE128}, {@code EAN13}
     * @param data      what it encodes (code set selectors removed)
     * @param hri       where the human-readable text goes: 0 none, 1 above, 2 below, 3 both
     */
    record Barcode(String symbology, String data, int height, int moduleWidth, int hri, Align align) implements PaperElement {
    }

    /** A QR code ({@code GS ( k}): module size in dots and error correction level L, M, Q or H. */
    record QrCode(String data, int moduleSize, char errorCorrection, Align align) implements PaperElement {
    }

    /** Paper fed without printing. */
    record Feed(int dots) implements PaperElement {
    }

    /** The cutter: {@code partial} leaves a hinge. */
    record Cut(boolean partial) implements PaperElement {
    }

    /** Something the printer was told that does not print: a drawer kick, an unknown command. */
    record Note(String text) implements PaperElement {
    }
}
