package org.omnitill.core.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.sale.CompletedSale;

class EscPosReceiptEncoderTest {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;

    @TempDir
    Path dir;
    private DemoSales demo;
    private CompletedSale sale;

    @BeforeEach
    void open() throws Exception {
        demo = new DemoSales(dir);
        sale = demo.simpleCashSale();
    }

    @AfterEach
    void close() throws Exception {
        demo.close();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                out.write(i);
            } else if (part instanceof byte[] b) {
                out.writeBytes(b);
            } else {
                out.writeBytes(String.valueOf(part).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private byte[] encode(CodePage page) {
        return new EscPosReceiptEncoder(42, page).encode(demo.receipt(sale));
    }

    @Test
    void startsWithInitializeAndTheCodePage() {
        byte[] out = encode(CodePage.CP858);

        assertThat(Arrays.copyOf(out, 5)).isEqualTo(bytes(ESC, '@', ESC, 't', 19));
        assertThat(Arrays.copyOf(encode(CodePage.CP866), 5)).isEqualTo(bytes(ESC, '@', ESC, 't', 17));
        assertThat(Arrays.copyOf(new EscPosReceiptEncoder(42, CodePage.CP866, 59).encode(demo.receipt(sale)), 5))
                .isEqualTo(bytes(ESC, '@', ESC, 't', 59));
    }

    @Test
    void printsTheReceiptNumberAsACode128BarcodeWithTextBelow() {
        byte[] out = encode(CodePage.CP858);

        byte[] barcode = bytes(GS, 'k', 73, 14, "{BR-T01-000001");
        int at = indexOf(out, barcode);
        assertThat(at).isPositive();
        byte[] setup = bytes(GS, 'H', 2, GS, 'f', 0, GS, 'h', 80, GS, 'w', 2);
        assertThat(indexOf(out, setup)).isEqualTo(at - setup.length);
    }

    @Test
    void aBraceInBarcodeDataIsDoubled() {
        assertThat(EscPosReceiptEncoder.code128B("A{1")).isEqualTo(bytes("{BA{{1"));
        assertThat(EscPosReceiptEncoder.code128B("Ж")).isNull();
    }

    @Test
    void printsTheFeedbackQrCodeWithTheRightLengths() {
        byte[] out = encode(CodePage.CP858);

        String link = "https://example.org/omnitill-demo/feedback?r=T01-000001";
        int k = link.length() + 3;
        assertThat(indexOf(out, bytes(GS, '(', 'k', 4, 0, 49, 65, 50, 0))).as("model 2").isPositive();
        assertThat(indexOf(out, bytes(GS, '(', 'k', 3, 0, 49, 67, 6))).as("module size").isPositive();
        assertThat(indexOf(out, bytes(GS, '(', 'k', 3, 0, 49, 69, 49))).as("error correction M").isPositive();
        int store = indexOf(out, bytes(GS, '(', 'k', k & 0xFF, k >> 8, 49, 80, 48, link));
        assertThat(store).as("store data").isPositive();
        assertThat(indexOf(out, bytes(GS, '(', 'k', 3, 0, 49, 81, 48))).as("print").isGreaterThan(store);
    }

    @Test
    void aLongQrLinkUsesTheHighLengthByte() {
        String url = "https://example.org/" + "x".repeat(300);
        TillSettings settings = new TillSettings("Shop", "EUR", "T01", null, null, null, null, null, null,
                demo.till.settings().taxRates(), List.of(), url, null);
        byte[] out = new EscPosReceiptEncoder(42, CodePage.CP858).encode(Receipt.of(sale, settings, Locale.UK));

        String link = url + "?r=T01-000001";
        int k = link.length() + 3;
        assertThat(k >> 8).isEqualTo(1);
        assertThat(indexOf(out, bytes(GS, '(', 'k', k & 0xFF, k >> 8, 49, 80, 48, link))).isPositive();
    }

    @Test
    void endsWithAFeedAndPartialCut() {
        byte[] out = encode(CodePage.CP858);

        assertThat(Arrays.copyOfRange(out, out.length - 4, out.length)).isEqualTo(bytes(GS, 'V', 66, 3));
    }

    @Test
    void theTotalIsBoldAndDoubleHeightInTheEuroCodePage() {
        byte[] out = encode(CodePage.CP858);

        String total = "TOTAL                                €6.07".replace("€", "");
        byte[] line = bytes(ESC, 'E', 1, GS, '!', 1, total.substring(0, total.length() - 4), 0xD5, "6.07", 0x0A);
        int at = indexOf(out, line);
        assertThat(at).isPositive();
        assertThat(indexOf(Arrays.copyOfRange(out, at + line.length, out.length), bytes(ESC, 'E', 0, GS, '!', 0)))
                .as("back to normal right after").isZero();
        assertThat(indexOf(out, bytes(ESC, 'a', 1))).as("centered header").isPositive();
    }

    @Test
    void withoutAEuroSignTheColumnsStillHold() {
        byte[] out = encode(CodePage.CP437);

        assertThat(indexOf(out, bytes("TOTAL                              EUR6.07", 0x0A))).isPositive();
        for (ReceiptLayout.Block block : new ReceiptLayout(42, CodePage.CP437::printable).lay(demo.receipt(sale))) {
            if (block instanceof ReceiptLayout.Text text) {
                assertThat(text.text().length()).isLessThanOrEqualTo(42);
            }
        }
    }

    @Test
    void textALabelTableLacksIsTransliteratedNotQuestionMarks() {
        TillSettings settings = new TillSettings("Tienda Ñandú → 東京", "EUR", "T01", null, null, null, null, null, null,
                demo.till.settings().taxRates(), List.of("Calle Año Nuevo 5 — Madrid"), null, null);
        Receipt receipt = Receipt.of(sale, settings, Locale.forLanguageTag("ru-RU"), DemoSales.MADRID);

        byte[] out = new EscPosReceiptEncoder(32, CodePage.CP866).encode(receipt);

        assertThat(indexOf(out, bytes("Tienda Nandu -> __"))).isPositive();
        assertThat(indexOf(out, bytes("Calle Ano Nuevo 5 - Madrid"))).isPositive();
        assertThat(indexOf(out, new byte[] {'?'})).as("no '?' anywhere").isEqualTo(-1);
        assertThat(indexOf(out, new byte[] {(byte) 0x88, (byte) 0x92, (byte) 0x8E, (byte) 0x83, (byte) 0x8E}))
                .as("ИТОГО in CP866").isPositive();
        assertThat(indexOf(out, bytes("6,07 EUR"))).as("CP866 has no euro sign").isPositive();
    }

    @Test
    void aRasterLogoFollowsTheCodePageCentered() {
        MonoImage logo = MonoImage.ofRows(16, 2, new byte[] {(byte) 0xFF, 0x00, 0x00, (byte) 0x81});
        byte[] out = new EscPosReceiptEncoder(42, CodePage.CP858, 19,
                new PrinterFeatures(PrinterFeatures.Cut.PARTIAL, PrinterFeatures.Logo.RASTER, logo)).encode(demo.receipt(sale));

        assertThat(Arrays.copyOf(out, 21)).isEqualTo(bytes(ESC, '@', ESC, 't', 19, ESC, 'a', 1,
                GS, 'v', '0', 0, 2, 0, 2, 0, 0xFF, 0x00, 0x00, 0x81, LF));
    }

    @Test
    void anNvLogoIsFourBytesAndStoringItIsColumnMajor() {
        byte[] out = new EscPosReceiptEncoder(42, CodePage.CP858, 19,
                new PrinterFeatures(PrinterFeatures.Cut.PARTIAL, PrinterFeatures.Logo.NV, null)).encode(demo.receipt(sale));

        assertThat(Arrays.copyOf(out, 13)).isEqualTo(bytes(ESC, '@', ESC, 't', 19, ESC, 'a', 1, 0x1C, 'p', 1, 0, LF));

        // a 9x2 picture, top-left dot and bottom-right dot black: 2 bytes across, 1 byte down, 16 columns
        MonoImage logo = MonoImage.ofRows(9, 2, new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0x80});
        byte[] define = logo.nvDefineCommand();
        assertThat(Arrays.copyOf(define, 7)).isEqualTo(bytes(0x1C, 'q', 1, 2, 0, 1, 0));
        assertThat(define).hasSize(7 + 16);
        assertThat(define[7]).isEqualTo((byte) 0x80);      // column 0: the top dot
        assertThat(define[7 + 8]).isEqualTo((byte) 0x40);  // column 8: the second row's dot
    }

    @Test
    void cutterSettings() {
        Receipt receipt = demo.receipt(sale);
        byte[] full = new EscPosReceiptEncoder(42, CodePage.CP858, 19,
                new PrinterFeatures(PrinterFeatures.Cut.FULL, PrinterFeatures.Logo.NONE, null)).encode(receipt);
        byte[] none = new EscPosReceiptEncoder(42, CodePage.CP858, 19,
                new PrinterFeatures(PrinterFeatures.Cut.NONE, PrinterFeatures.Logo.NONE, null)).encode(receipt);

        assertThat(Arrays.copyOfRange(full, full.length - 4, full.length)).isEqualTo(bytes(GS, 'V', 65, 3));
        assertThat(Arrays.copyOfRange(none, none.length - 3, none.length)).isEqualTo(bytes(ESC, 'd', 5));
        assertThat(indexOf(none, bytes(GS, 'V'))).isEqualTo(-1);
    }

    @Test
    void theBundledLogoFitsTheNarrowestPaper() {
        MonoImage logo = org.omnitill.core.print.PrinterSpec.parse("file:x?logo=raster").logoImage(32, dir);

        assertThat(logo.width()).isEqualTo(384);
        assertThat(logo.height()).isEqualTo(96);
        assertThat(logo.rasterCommand()).hasSize(8 + 48 * 96);
    }
}
