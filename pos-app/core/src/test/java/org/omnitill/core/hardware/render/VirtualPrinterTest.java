package org.omnitill.core.hardware.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.DemoSales;
import org.omnitill.core.receipt.EscPosReceiptEncoder;
import org.omnitill.core.receipt.PrinterFeatures;
import org.omnitill.core.receipt.Receipt;
import org.omnitill.core.sale.CompletedSale;

/** The virtual printer reads this project's own receipts back: text, code pages, logo, barcode, QR, cut. */
class VirtualPrinterTest {

    @TempDir
    Path dir;

    private DemoSales demo;
    private CompletedSale sale;

    @BeforeEach
    void open() throws Exception {
        demo = new DemoSales(dir.resolve("till"));
        sale = demo.simpleCashSale();
    }

    @AfterEach
    void close() throws Exception {
        demo.close();
    }

    private byte[] receipt(Locale locale, CodePage page, PrinterFeatures features) {
        Receipt receipt = Receipt.of(sale, demo.till.settings(), locale, DemoSales.MADRID);
        return new EscPosReceiptEncoder(42, page, page.escPosNumber(), features).encode(receipt);
    }

    private static List<String> lines(List<PaperElement> elements) {
        return elements.stream().filter(e -> e instanceof PaperElement.TextLine)
                .map(e -> ((PaperElement.TextLine) e).text()).toList();
    }

    @Test
    void aReceiptReadsBackWithLogoBarcodeQrAndCut() throws Exception {
        PrinterFeatures features = PrinterSpec.parse("file:x?logo=raster").features(42, dir);
        byte[] bytes = receipt(Locale.forLanguageTag("es-ES"), CodePage.CP858, features);

        List<PaperElement> elements = EscPosInterpreter.interpret(bytes);

        assertThat(elements.get(0)).isInstanceOfSatisfying(PaperElement.Image.class, logo -> {
            assertThat(logo.image()).isEqualTo(features.logoImage());
            assertThat(logo.align()).isEqualTo(PaperElement.Align.CENTER);
        });
        assertThat(lines(elements)).contains(demo.till.settings().storeName(), "¡Gracias por su compra!");
        assertThat(lines(elements)).anySatisfy(line -> assertThat(line).startsWith("TOTAL").endsWith("6,07 €"));
        assertThat(elements).filteredOn(e -> e instanceof PaperElement.TextLine line && line.text().startsWith("TOTAL"))
                .singleElement().satisfies(e -> assertThat(((PaperElement.TextLine) e).runs().get(0).bold()).isTrue());
        assertThat(elements).filteredOn(PaperElement.Barcode.class::isInstance).singleElement()
                .isEqualTo(new PaperElement.Barcode("CODE_128", Receipt.barcodeOf(sale.receiptNumber()), 80, 2, 2,
                        PaperElement.Align.CENTER));
        assertThat(elements).filteredOn(PaperElement.QrCode.class::isInstance).singleElement()
                .satisfies(qr -> assertThat(((PaperElement.QrCode) qr).data()).startsWith(demo.till.settings().feedbackUrl()));
        assertThat(elements.get(elements.size() - 1)).isEqualTo(new PaperElement.Cut(true));
        assertThat(VirtualPrinter.notes(elements)).isEmpty();

        BufferedImage image = new VirtualPrinter(504).draw(elements);
        Path png = Path.of("target", "virtual-printer", "receipt-es.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(image, "png", png.toFile()); // to look at
        // the picture's QR code and barcode scan back to what the receipt says
        assertThat(decode(image).stream().map(Result::getText))
                .contains(Receipt.barcodeOf(sale.receiptNumber()))
                .anySatisfy(text -> assertThat(text).startsWith(demo.till.settings().feedbackUrl()));
    }

    @Test
    void russianPrintsInCp866AndIsTransliteratedWhereTheTableHasNoCyrillic() {
        Locale russian = Locale.forLanguageTag("ru-RU");

        List<String> cyrillic = lines(EscPosInterpreter.interpret(receipt(russian, CodePage.CP866, PrinterFeatures.DEFAULT)));
        List<String> latin = lines(EscPosInterpreter.interpret(receipt(russian, CodePage.CP858, PrinterFeatures.DEFAULT)));

        assertThat(cyrillic).anySatisfy(line -> assertThat(line).startsWith("ИТОГО"));
        assertThat(latin).anySatisfy(line -> assertThat(line).startsWith("ITOGO"));
        assertThat(String.join("\n", latin)).doesNotContain("?");
    }

    @Test
    void spanishOnAPrinterWithoutTheEuroSign() {
        List<String> lines = lines(EscPosInterpreter.interpret(receipt(Locale.forLanguageTag("es-ES"), CodePage.CP437,
                PrinterFeatures.DEFAULT)));

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("TOTAL").endsWith("6,07 EUR"));
        assertThat(lines).contains("¡Gracias por su compra!"); // CP437 has ¡
    }

    @Test
    void anNvLogoStoredInTheSameStreamIsDrawnAndADrawerKickIsNoted() {
        PrinterFeatures features = PrinterSpec.parse("file:x?logo=raster").features(42, dir);
        byte[] define = features.logoImage().nvDefineCommand();
        byte[] receipt = receipt(Locale.UK, CodePage.CP858, new PrinterFeatures(PrinterFeatures.Cut.FULL, PrinterFeatures.Logo.NV, null));
        byte[] kick = {0x1B, 'p', 0, 50, 100};
        byte[] all = new byte[define.length + kick.length + receipt.length];
        System.arraycopy(define, 0, all, 0, define.length);
        System.arraycopy(kick, 0, all, define.length, kick.length);
        System.arraycopy(receipt, 0, all, define.length + kick.length, receipt.length);

        List<PaperElement> elements = EscPosInterpreter.interpret(all);

        assertThat(elements).filteredOn(PaperElement.Image.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((PaperElement.Image) e).image().width()).isEqualTo(384));
        assertThat(VirtualPrinter.notes(elements)).contains("drawer kick: pin 2, 100 ms on, 200 ms off");
        assertThat(elements.get(elements.size() - 1)).isEqualTo(new PaperElement.Cut(false));
        assertThat(EscPosInterpreter.interpret(receipt)).anyMatch(e -> e instanceof PaperElement.NvImageMissing);
    }

    private static List<Result> decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        List<Result> results = new java.util.ArrayList<>();
        // decode each region on its own: the lower third holds the QR code, the barcode sits above it
        for (com.google.zxing.BarcodeFormat format : List.of(com.google.zxing.BarcodeFormat.QR_CODE,
                com.google.zxing.BarcodeFormat.CODE_128)) {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            results.add(new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE)));
        }
        return results;
    }
}
