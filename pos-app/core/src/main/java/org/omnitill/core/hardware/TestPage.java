package org.omnitill.core.hardware;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.ReceiptFormat;
import org.omnitill.core.receipt.ReceiptLayout;

/**
 * A printer test page in the printer's profile: logo, width ruler, the code page with Spanish and
 * Russian samples (transliterated where the table lacks them), a CODE128 barcode, a QR code, cut.
 * What an installer prints first ({@code omnitill hardware test-print}).
 */
public final class TestPage {

    static final String SPANISH = "Español: ¡Jamón ibérico, piña y pingüino! 3,50 €";
    static final String RUSSIAN = "Русский: Съешь же ещё этих мягких французских булок";
    static final String BARCODE = "OMNITILL-TEST";
    static final String QR = "https://example.org/omnitill/test-page";

    private TestPage() {
    }

    public static byte[] of(ReceiptFormat format, String printer, ZonedDateTime now) {
        int columns = format.columns();
        CodePage page = format.codePage();
        List<ReceiptLayout.Block> blocks = new ArrayList<>();
        blocks.add(new ReceiptLayout.Text("OMNITILL TEST PAGE", ReceiptLayout.Align.CENTER, true, true));
        for (String line : wrap(page.printable(printer), columns)) {
            blocks.add(new ReceiptLayout.Text(line, ReceiptLayout.Align.CENTER, false, false));
        }
        blocks.add(new ReceiptLayout.Text(page.printable(now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19)),
                ReceiptLayout.Align.CENTER, false, false));
        blocks.add(new ReceiptLayout.Text("-".repeat(columns), ReceiptLayout.Align.LEFT, false, false));
        StringBuilder ruler = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            ruler.append(i % 10);
        }
        blocks.add(new ReceiptLayout.Text(ruler.toString(), ReceiptLayout.Align.LEFT, false, false));
        blocks.add(new ReceiptLayout.Text(columns + " columns, " + page.name() + " (ESC t " + format.codeTable() + ")",
                ReceiptLayout.Align.LEFT, false, false));
        for (String sample : List.of(SPANISH, RUSSIAN)) {
            for (String line : wrap(page.printable(sample), columns)) {
                blocks.add(new ReceiptLayout.Text(line, ReceiptLayout.Align.LEFT, false, false));
            }
        }
        blocks.add(new ReceiptLayout.Text("Bold", ReceiptLayout.Align.LEFT, true, false));
        blocks.add(new ReceiptLayout.Text("Double height", ReceiptLayout.Align.LEFT, false, true));
        blocks.add(new ReceiptLayout.Text("-".repeat(columns), ReceiptLayout.Align.LEFT, false, false));
        blocks.add(new ReceiptLayout.Barcode(BARCODE));
        blocks.add(new ReceiptLayout.QrCode(QR));
        blocks.add(new ReceiptLayout.Text("Cut: " + format.features().cut().name().toLowerCase(java.util.Locale.ROOT)
                + ", logo: " + format.features().logo().name().toLowerCase(java.util.Locale.ROOT),
                ReceiptLayout.Align.CENTER, false, false));
        return format.encoder().encode(blocks);
    }

    /** Cuts {@code text} into lines of at most {@code width} characters, at spaces where it can. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
