package org.omnitill.core.receipt;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.sale.CompletedSale;

/**
 * How this till's receipts look: the settings they are built from, the locale of their numbers, dates
 * and wording, the time zone of their dates, and the printer's width and character table. One value
 * makes the receipt of a sale, the copy of a past one, its text and its printer bytes.
 *
 * @param columns   characters per line: 32, 42 or 48
 * @param codeTable the {@code ESC t} number of {@code codePage} on the printer (usually {@link CodePage#escPosNumber()})
 * @param features  cutter and logo
 */
public record ReceiptFormat(TillSettings settings, Locale locale, ZoneId zone, int columns, CodePage codePage,
                            int codeTable, PrinterFeatures features) {

    public static final int DEFAULT_COLUMNS = 42;

    public ReceiptFormat {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(features, "features");
        new ReceiptLayout(columns, s -> s); // checks the width
    }

    /** A format with a partial cut and no logo. */
    public ReceiptFormat(TillSettings settings, Locale locale, ZoneId zone, int columns, CodePage codePage, int codeTable) {
        this(settings, locale, zone, columns, codePage, codeTable, PrinterFeatures.DEFAULT);
    }

    /** 42 columns, the locale's usual code page, the system time zone. */
    public static ReceiptFormat of(TillSettings settings, Locale locale) {
        CodePage page = CodePage.defaultFor(locale);
        return new ReceiptFormat(settings, locale, ZoneId.systemDefault(), DEFAULT_COLUMNS, page, page.escPosNumber());
    }

    public ReceiptFormat withPrinter(int columns, CodePage codePage, int codeTable) {
        return new ReceiptFormat(settings, locale, zone, columns, codePage, codeTable, features);
    }

    public ReceiptFormat withFeatures(PrinterFeatures value) {
        return new ReceiptFormat(settings, locale, zone, columns, codePage, codeTable, value);
    }

    public ReceiptFormat withZone(ZoneId value) {
        return new ReceiptFormat(settings, locale, value, columns, codePage, codeTable, features);
    }

    /** The encoder of this format's printer bytes. */
    public EscPosReceiptEncoder encoder() {
        return new EscPosReceiptEncoder(columns, codePage, codeTable, features);
    }

    public Receipt receiptOf(CompletedSale sale) {
        return Receipt.of(sale, settings, locale, zone);
    }

    /** The copy of a past receipt from its journal document, marked as a copy. */
    public Receipt copyFromJournal(String journalDocument) {
        return Receipt.fromJournalDocument(journalDocument, settings, locale, zone).asCopy();
    }

    public String text(Receipt receipt) {
        return new ReceiptTextRenderer(columns).render(receipt);
    }

    public byte[] escPos(Receipt receipt) {
        return encoder().encode(receipt);
    }
}
