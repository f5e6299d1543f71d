package org.omnitill.core.hardware.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.MonoImage;

/**
 * Reads ESC/POS bytes the way an Epson-compatible printer would, into {@link PaperElement}s: the
 * commands this project's encoders send (and the common ones around them). Text is decoded in the
 * table {@code ESC t} selected; unknown commands become {@link PaperElement.Note}s, so nothing is
 * silently skipped.
 *
 * <p>Understood: {@code ESC @ t a E - ! M d J p}, {@code GS ! B H f h w k V v0 (k}, {@code FS p q},
 * {@code DLE EOT}, {@code DLE DC4}, LF, CR, HT.
 */
public final class EscPosInterpreter {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int FS = 0x1C;
    private static final int DLE = 0x10;
    private static final int LF = 0x0A;

    private final byte[] in;
    private int pos;
    private final List<PaperElement> out = new ArrayList<>();
    private final Map<Integer, MonoImage> nvImages = new HashMap<>();
    // state
    private CodePage codePage;
    private PaperElement.Align align;
    private boolean bold;
    private boolean underline;
    private boolean reverse;
    private int width;
    private int height;
    private int hri;
    private int barcodeHeight;
    private int moduleWidth;
    private int qrModule;
    private char qrLevel;
    private String qrData;
    private final List<PaperElement.Run> line = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();

    private EscPosInterpreter(byte[] in) {
        this.in = in;
        reset();
    }

    public static List<PaperElement> interpret(byte[] bytes) {
        EscPosInterpreter interpreter = new EscPosInterpreter(bytes);
        interpreter.run();
        return interpreter.out;
    }

    private void reset() {
        codePage = CodePage.CP437;
        align = PaperElement.Align.LEFT;
        bold = false;
        underline = false;
        reverse = false;
        width = 1;
        height = 1;
        hri = 0;
        barcodeHeight = 162;
        moduleWidth = 3;
        qrModule = 3;
        qrLevel = 'L';
    }

    private void run() {
        while (pos < in.length) {
            int b = in[pos++] & 0xFF;
            switch (b) {
                case LF -> newLine();
                case '\r' -> { }
                case '\t' -> text(" ".repeat(8 - (currentLength() % 8)));
                case ESC -> esc();
                case GS -> gs();
                case FS -> fs();
                case DLE -> dle();
                default -> {
                    if (b < 0x20) {
                        note(String.format("control byte 0x%02X ignored", b));
                    } else {
                        text(new String(new byte[] {(byte) b}, codePage.charset()));
                    }
                }
            }
        }
        if (!line.isEmpty() || run.length() > 0) {
            note("text without a final LF (a printer keeps it in its buffer)");
            newLine();
        }
    }

    private int currentLength() {
        return line.stream().mapToInt(r -> r.text().length()).sum() + run.length();
    }

    private void text(String text) {
        run.append(text);
    }

    /** Closes the run so far before a style change. */
    private void flushRun() {
        if (run.length() > 0) {
            line.add(new PaperElement.Run(run.toString(), bold, underline, reverse, width, height));
            run.setLength(0);
        }
    }

    private void newLine() {
        flushRun();
        out.add(new PaperElement.TextLine(List.copyOf(line), align));
        line.clear();
    }

    private boolean lineEmpty() {
        return line.isEmpty() && run.length() == 0;
    }

    private int next() {
        if (pos >= in.length) {
            throw new IllegalStateException("the bytes end in the middle of a command");
        }
        return in[pos++] & 0xFF;
    }

    private void note(String text) {
        out.add(new PaperElement.Note(text));
    }

    private void esc() {
        int c = next();
        switch (c) {
            case '@' -> {
                flushRun();
                reset();
            }
            case 't' -> {
                int n = next();
                CodePage page = null;
                for (CodePage candidate : CodePage.values()) {
                    if (candidate.escPosNumber() == n) {
                        page = candidate;
                    }
                }
                if (page == null) {
                    note("character table " + n + " unknown here; shown as CP437");
                    page = CodePage.CP437;
                }
                codePage = page;
            }
            case 'a' -> {
                int n = next();
                if (!lineEmpty()) {
                    note("ESC a in the middle of a line is ignored by printers");
                } else {
                    align = switch (n % 48) {
                        case 1 -> PaperElement.Align.CENTER;
                        case 2 -> PaperElement.Align.RIGHT;
                        default -> PaperElement.Align.LEFT;
                    };
                }
            }
            case 'E' -> {
                flushRun();
                bold = (next() & 1) != 0;
            }
            case '-' -> {
                flushRun();
                underline = (next() % 48) != 0;
            }
            case '!' -> {
                flushRun();
                int n = next();
                bold = (n & 0x08) != 0;
                height = (n & 0x10) != 0 ? 2 : 1;
                width = (n & 0x20) != 0 ? 2 : 1;
                underline = (n & 0x80) != 0;
            }
            case 'M' -> next(); // font; shown in font A
            case 'd' -> {
                if (!lineEmpty()) {
                    newLine();
                }
                out.add(new PaperElement.Feed(next() * 30));
            }
            case 'J' -> {
                if (!lineEmpty()) {
                    newLine();
                }
                out.add(new PaperElement.Feed(next()));
            }
            case 'p' -> {
                int m = next();
                int on = next();
                int off = next();
                note("drawer kick: pin " + (m % 48 == 0 ? 2 : 5) + ", " + (on * 2) + " ms on, " + (off * 2) + " ms off");
            }
            case '2', '3' -> {
                if (c == '3') {
                    next();
                }
            }
            default -> note(String.format("unknown command ESC 0x%02X", c));
        }
    }

    private void gs() {
        int c = next();
        switch (c) {
            case '!' -> {
                flushRun();
                int n = next();
                width = Math.min(8, (n >> 4) + 1);
                height = Math.min(8, (n & 0x0F) + 1);
            }
            case 'B' -> {
                flushRun();
                reverse = (next() & 1) != 0;
            }
            case 'H' -> hri = next() % 48;
            case 'f' -> next();
            case 'h' -> barcodeHeight = next();
            case 'w' -> moduleWidth = next();
            case 'k' -> barcode();
            case 'V' -> cut();
            case 'v' -> raster();
            case '(' -> graphicsFunction();
            default -> note(String.format("unknown command GS 0x%02X", c));
        }
    }

    private void fs() {
        int c = next();
        switch (c) {
            case 'p' -> {
                int n = next();
                next(); // m: size
                MonoImage image = nvImages.get(n);
                out.add(image != null ? new PaperElement.Image(image, align, "NV image " + n)
                        : new PaperElement.NvImageMissing(n, align));
            }
            case 'q' -> {
                int count = next();
                for (int i = 1; i <= count; i++) {
                    int xBytes = next() | next() << 8;
                    int yBytes = next() | next() << 8;
                    int w = xBytes * 8;
                    int h = yBytes * 8;
                    int stride = xBytes;
                    byte[] rows = new byte[stride * h];
                    for (int x = 0; x < w; x++) {
                        for (int yb = 0; yb < yBytes; yb++) {
                            int v = next();
                            for (int bit = 0; bit < 8; bit++) {
                                if ((v & (0x80 >>> bit)) != 0) {
                                    int y = yb * 8 + bit;
                                    rows[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
                                }
                            }
                        }
                    }
                    nvImages.put(i, MonoImage.ofRows(w, h, rows));
                }
                note("NV images stored in the printer: " + count);
            }
            default -> note(String.format("unknown command FS 0x%02X", c));
        }
    }

    private void dle() {
        int c = next();
        if (c == 0x04) { // DLE EOT n: a status question, nothing printed
            next();
        } else if (c == 0x14) { // DLE DC4 fn m t
            int fn = next();
            int m = next();
            int t = next();
            if (fn == 1) {
                note("drawer kick (real time): pin " + (m == 0 ? 2 : 5) + ", " + (t * 100) + " ms");
            }
        } else {
            note(String.format("unknown command DLE 0x%02X", c));
        }
    }

    private void barcode() {
        int m = next();
        String data;
        if (m >= 65) {
            int n = next();
            byte[] raw = new byte[n];
            for (int i = 0; i < n; i++) {
                raw[i] = (byte) next();
            }
            data = new String(raw, StandardCharsets.ISO_8859_1);
        } else { // the NUL-terminated forms
            StringBuilder text = new StringBuilder();
            int b;
            while ((b = next()) != 0) {
                text.append((char) b);
            }
            data = text.toString();
            m += 65;
        }
        String symbology = switch (m) {
            case 65 -> "UPC_A";
            case 66 -> "UPC_E";
            case 67 -> "EAN_13";
            case 68 -> "EAN_8";
            case 69 -> "CODE_39";
            case 70 -> "ITF";
            case 71 -> "CODABAR";
            case 72 -> "CODE_93";
            case 73 -> "CODE_128";
            default -> "unknown " + m;
        };
        if (m == 73) {
            data = code128Data(data);
        }
        out.add(new PaperElement.Barcode(symbology, data, barcodeHeight, moduleWidth, hri, align));
    }

    /** ESC/POS CODE128 data: code set selectors {A {B {C removed, {{ back to {. */
    static String code128Data(String raw) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                if (next == '{') {
                    data.append('{');
                }
                continue; // {A {B {C {1 {2 {3 {4 {S: control codes, not data
            }
            data.append(c);
        }
        return data.toString();
    }

    private void cut() {
        if (!lineEmpty()) {
            newLine();
        }
        int m = next();
        if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
            int n = next();
            out.add(new PaperElement.Feed(Math.min(n, 255) * 2 + 60));
        }
        boolean partial = m == 1 || m == 49 || m == 66 || m == 98 || m == 104;
        out.add(new PaperElement.Cut(partial));
    }

    private void raster() {
        if (next() != '0') {
            note("GS v with an unknown function");
            return;
        }
        next(); // m: size
        int xBytes = next() | next() << 8;
        int h = next() | next() << 8;
        byte[] rows = new byte[xBytes * h];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (byte) next();
        }
        out.add(new PaperElement.Image(MonoImage.ofRows(xBytes * 8, h, rows), align, "GS v 0"));
    }

    private void graphicsFunction() {
        int fn = next();
        int length = next() | next() << 8;
        byte[] params = new byte[length];
        for (int i = 0; i < length; i++) {
            params[i] = (byte) next();
        }
        if (fn != 'k' || length < 2 || params[0] != 49) {
            note(String.format("GS ( %c function ignored", (char) fn));
            return;
        }
        int function = params[1];
        switch (function) {
            case 65 -> { } // model
            case 67 -> qrModule = params[2];
            case 69 -> qrLevel = switch (params[2]) {
                case 49 -> 'M';
                case 50 -> 'Q';
                case 51 -> 'H';
                default -> 'L';
            };
            case 80 -> qrData = new String(params, 3, length - 3, StandardCharsets.UTF_8);
            case 81 -> {
                if (qrData == null) {
                    note("QR code printed before its data was stored");
                } else {
                    out.add(new PaperElement.QrCode(qrData, qrModule, qrLevel, align));
                }
            }
            default -> note("QR function " + function + " ignored");
        }
    }
}
