package org.omnitill.core.print;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.ReceiptFormat;

/**
 * A receipt printer's connection string taken apart: {@code SCHEME:TARGET[?OPTIONS]}, e.g.
 * {@code file:receipts.bin?columns=32&codepage=CP866} or {@code tcp:192.0.2.10:9100}.
 *
 * <p>Options every printer understands:
 * <ul>
 *   <li>{@code columns}: characters per line, 32 (58 mm paper), 42 or 48 (80 mm); default 42;</li>
 *   <li>{@code codepage}: the character table, {@code CP437}, {@code CP850}, {@code CP858} (euro),
 *       {@code CP866} (Cyrillic) or {@code WPC1252}; default CP866 for a Russian till, else CP858;</li>
 *   <li>{@code codetable}: the {@code ESC t} number of that table on this printer, when it differs
 *       from Epson's.</li>
 * </ul>
 * Other options (such as {@code baud} for serial printers) are kept for the connection itself.
 *
 * @param scheme  lower case, e.g. {@code file}
 * @param target  what follows the scheme, options removed
 * @param options in the order given; keys lower case
 */
public record PrinterSpec(String connectionString, String scheme, String target, Map<String, String> options) {

    public PrinterSpec {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        options = Map.copyOf(options);
    }

    public static PrinterSpec parse(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("the receipt printer's connection string is empty");
        }
        String text = connectionString.strip();
        int colon = text.indexOf(':');
        if (colon < 2 || !text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new IllegalArgumentException("receipt printer '" + text + "' has no connection type; write it as "
                    + "file:PATH (or, once hardware drivers are in, serial:, tcp:, device:, system:)");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = text.substring(colon + 1);
        Map<String, String> options = new LinkedHashMap<>();
        int question = target.lastIndexOf('?');
        if (question >= 0 && target.substring(question + 1).matches("[A-Za-z]+=[^&=]*(&[A-Za-z]+=[^&=]*)*")) {
            for (String pair : target.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                options.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
            }
            target = target.substring(0, question);
        }
        if (target.isBlank()) {
            throw new IllegalArgumentException("receipt printer '" + text + "' names no " + scheme + " target");
        }
        return new PrinterSpec(text, scheme, target, options);
    }

    public OptionalInt columns() {
        String value = options.get("columns");
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int columns = Integer.parseInt(value.strip());
            if (columns < 24 || columns > 96) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(columns);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("receipt printer option columns=" + value
                    + " is not a line width; use 32, 42 or 48");
        }
    }

    public Optional<CodePage> codePage() {
        String value = options.get("codepage");
        return value == null ? Optional.empty() : Optional.of(CodePage.parse(value));
    }

    public OptionalInt codeTable() {
        String value = options.get("codetable");
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int table = Integer.parseInt(value.strip());
            if (table < 0 || table > 255) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(table);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("receipt printer option codetable=" + value + " is not 0 to 255");
        }
    }

    /** {@code format} with this printer's width and character table where the options set them. */
    public ReceiptFormat applyTo(ReceiptFormat format) {
        CodePage page = codePage().orElse(format.codePage());
        int table = codeTable().orElse(page == format.codePage() ? format.codeTable() : page.escPosNumber());
        return format.withPrinter(columns().orElse(format.columns()), page, table);
    }
}
