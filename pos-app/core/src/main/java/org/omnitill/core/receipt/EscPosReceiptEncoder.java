package org.omnitill.core.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A receipt as ESC/POS bytes for an Epson-compatible receipt printer, laid out by
 * {@link ReceiptLayout} exactly as {@link ReceiptTextRenderer} shows it.
 *
 * <p>What it sends, in order:
 * <ul>
 *   <li>{@code ESC @} (initialize), then {@code ESC t n} selecting the code page; all text is encoded
 *       in that table, one byte per character, after {@link CodePage#printable} transliteration;</li>
 *   <li>the logo, centered, when the printer has one: {@code GS v 0} with its dots, or {@code FS p 1 0}
 *       for the copy stored in the printer's NV memory ({@link PrinterFeatures.Logo});</li>
 *   <li>per line: alignment {@code ESC a n}, emphasis {@code ESC E n} (store name, markers, total),
 *       character size {@code GS ! n} (the total in double height, normal width, so the columns hold),
 *       only when they change; every line ends with LF;</li>
 *   <li>the receipt-number barcode: HRI below ({@code GS H 2}, font A {@code GS f 0}), height
 *       {@code GS h}, module width {@code GS w}, then {@code GS k 73 n} CODE128 with code set B
 *       ({@code {B} prefix, a literal '{' doubled);</li>
 *   <li>the QR code through {@code GS ( k}: model 2, module size, error correction M, store the data,
 *       print it;</li>
 *   <li>finally feed to the cutter and cut, {@code GS V 66 n} (partial) or {@code GS V 65 n} (full), or
 *       for a printer without a cutter feed past the tear bar, {@code ESC d n}.</li>
 * </ul>
 * Money reaches this class already formatted as text; nothing here does arithmetic on amounts.
 */
public final class EscPosReceiptEncoder {

    static final int ESC = 0x1B;
    static final int GS = 0x1D;
    static final int LF = 0x0A;

    /** {@code m} of {@code GS k m n d1...dn}: CODE128 in the length-prefixed form. */
    static final int CODE128 = 73;
    static final int BARCODE_HEIGHT_DOTS = 80;
    static final int BARCODE_MODULE_WIDTH = 2;
    /** Lines fed past the cut position before the partial cut. */
    static final int CUT_FEED = 3;
    /** Lines fed after a receipt on a printer without a cutter, to bring it past the tear bar. */
    static final int TEAR_FEED = 5;

    private final ReceiptLayout layout;
    private final CodePage codePage;
    private final int codeTable;
    private final int qrModuleSize;
    private final PrinterFeatures features;

    /** @param columns characters per line in font A: 32 on 58 mm paper, 42 or 48 on 80 mm */
    public EscPosReceiptEncoder(int columns, CodePage codePage) {
        this(columns, codePage, codePage.escPosNumber());
    }

    public EscPosReceiptEncoder(int columns, CodePage codePage, int codeTable) {
        this(columns, codePage, codeTable, PrinterFeatures.DEFAULT);
    }

    /**
     * @param codeTable the {@code ESC t} number of {@code codePage} on this printer, for models that
     *                  number their tables differently from Epson
     * @param features  cutter and logo
     */
    public EscPosReceiptEncoder(int columns, CodePage codePage, int codeTable, PrinterFeatures features) {
        this.features = Objects.requireNonNull(features, "features");
        this.codePage = Objects.requireNonNull(codePage, "codePage");
        if (codeTable < 0 || codeTable > 255) {
            throw new IllegalArgumentException("a code table number is 0 to 255, not " + codeTable);
        }
        this.codeTable = codeTable;
        this.layout = new ReceiptLayout(columns, codePage::printable);
        this.qrModuleSize = columns <= 32 ? 4 : 6;
    }

    public CodePage codePage() {
        return codePage;
    }

    public int columns() {
        return layout.columns();
    }

    public byte[] encode(Receipt receipt) {
        return encode(layout.lay(receipt));
    }

    /**
     * Any laid-out page (a test page, a report) with this printer's initialization, logo and cut.
     * Text blocks must already be printable in the code page and at most {@link #columns()} long.
     */
    public byte[] encode(java.util.List<ReceiptLayout.Block> blocks) {
        Output out = new Output();
        out.bytes(ESC, '@');
        out.bytes(ESC, 't', codeTable);
        logo(out);
        for (ReceiptLayout.Block block : blocks) {
            switch (block) {
                case ReceiptLayout.Text text -> {
                    out.align(text.align());
                    out.bold(text.bold());
                    out.tall(text.tall());
                    out.write(codePage.encode(text.text()));
                    out.bytes(LF);
                }
                case ReceiptLayout.Barcode barcode -> barcode(out, barcode.data());
                case ReceiptLayout.QrCode qr -> qr(out, qr.data());
            }
        }
        out.align(ReceiptLayout.Align.LEFT);
        out.bold(false);
        out.tall(false);
        switch (features.cut()) {
            case PARTIAL -> out.bytes(GS, 'V', 66, CUT_FEED);
            case FULL -> out.bytes(GS, 'V', 65, CUT_FEED);
            case NONE -> out.bytes(ESC, 'd', TEAR_FEED);
        }
        return out.toByteArray();
    }

    private void logo(Output out) {
        switch (features.logo()) {
            case NONE -> {
                return;
            }
            case RASTER -> {
                out.align(ReceiptLayout.Align.CENTER);
                out.write(features.logoImage().rasterCommand());
            }
            case NV -> {
                out.align(ReceiptLayout.Align.CENTER);
                out.write(MonoImage.NV_PRINT);
            }
        }
        out.bytes(LF);
    }

    private void barcode(Output out, String data) {
        byte[] payload = code128B(data);
        if (payload == null) {
            // not printable as CODE128 set B: print the text instead
            out.align(ReceiptLayout.Align.CENTER);
            out.write(codePage.encode(codePage.printable(data)));
            out.bytes(LF);
            return;
        }
        out.align(ReceiptLayout.Align.CENTER);
        out.bold(false);
        out.tall(false);
        out.bytes(GS, 'H', 2);
        out.bytes(GS, 'f', 0);
        out.bytes(GS, 'h', BARCODE_HEIGHT_DOTS);
        out.bytes(GS, 'w', BARCODE_MODULE_WIDTH);
        out.bytes(GS, 'k', CODE128, payload.length);
        out.write(payload);
    }

    /** {@code {B} and the data with '{' doubled; {@code null} if it has characters set B lacks or is too long. */
    static byte[] code128B(String data) {
        StringBuilder text = new StringBuilder("{B");
        for (char c : data.toCharArray()) {
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
            text.append(c == '{' ? "{{" : String.valueOf(c));
        }
        if (text.length() > 255 || data.isEmpty()) {
            return null;
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void qr(Output out, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        int storeLength = bytes.length + 3;
        if (storeLength > 0xFFFF) {
            return;
        }
        out.align(ReceiptLayout.Align.CENTER);
        out.bytes(GS, '(', 'k', 4, 0, 49, 65, 50, 0);            // function 165: model 2
        out.bytes(GS, '(', 'k', 3, 0, 49, 67, qrModuleSize);     // function 167: module size in dots
        out.bytes(GS, '(', 'k', 3, 0, 49, 69, 49);               // function 169: error correction M
        out.bytes(GS, '(', 'k', storeLength & 0xFF, storeLength >> 8, 49, 80, 48); // function 180: store
        out.write(bytes);
        out.bytes(GS, '(', 'k', 3, 0, 49, 81, 48);               // function 181: print
        out.bytes(LF);
    }

    /** The bytes, with the current alignment and style remembered so commands go out only on change. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        private ReceiptLayout.Align align = ReceiptLayout.Align.LEFT;
        private boolean bold;
        private boolean tall;

        void bytes(int... values) {
            for (int value : values) {
                bytes.write(value);
            }
        }

        void write(byte[] data) {
            bytes.writeBytes(data);
        }

        void align(ReceiptLayout.Align value) {
            if (value != align) {
                bytes(ESC, 'a', value.ordinal());
                align = value;
            }
        }

        void bold(boolean value) {
            if (value != bold) {
                bytes(ESC, 'E', value ? 1 : 0);
                bold = value;
            }
        }

        void tall(boolean value) {
            if (value != tall) {
                bytes(GS, '!', value ? 0x01 : 0x00);
                tall = value;
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
