package org.omnitill.core.print;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.MonoImage;
import org.omnitill.core.receipt.PrinterFeatures;
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
 *       from Epson's;</li>
 *   <li>{@code cut}: {@code partial} (default), {@code full} or {@code none} (no cutter: feed past the
 *       tear bar);</li>
 *   <li>{@code logo}: {@code none} (default), {@code raster} (the logo's dots with every receipt) or
 *       {@code nv} (stored once in the printer, see {@code omnitill hardware store-logo});
 *       {@code logofile} names the picture (a PNG; relative to the data directory), else the
 *       project's {@code assets/receipt/logo.png};</li>
 *   <li>{@code timeout}: milliseconds the printer has to take a job or answer a status query on top
 *       of the time the bytes need on the wire (default 3000);</li>
 *   <li>{@code status}: {@code on} (default for serial and tcp) asks the printer with {@code DLE EOT}
 *       before each job; {@code off} for printers that do not answer.</li>
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
                    + "serial:PORT, tcp:HOST:PORT, device:PATH, system:NAME or file:PATH");
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

    /** {@code format} with this printer's width, character table, cutter and logo. */
    public ReceiptFormat applyTo(ReceiptFormat format, Path dataDir) {
        ReceiptFormat sized = applyTo(format);
        return sized.withFeatures(features(sized.columns(), dataDir));
    }

    /** Cutter and logo from the options; the logo picture is read when the receipts need it. */
    public PrinterFeatures features(int columns, Path dataDir) {
        PrinterFeatures.Cut cut = Optional.ofNullable(options.get("cut")).map(PrinterFeatures.Cut::parse)
                .orElse(PrinterFeatures.Cut.PARTIAL);
        PrinterFeatures.Logo logo = Optional.ofNullable(options.get("logo")).map(PrinterFeatures.Logo::parse)
                .orElse(PrinterFeatures.Logo.NONE);
        MonoImage image = logo == PrinterFeatures.Logo.RASTER ? logoImage(columns, dataDir) : null;
        return new PrinterFeatures(cut, logo, image);
    }

    /** The logo picture: {@code logofile}, else the bundled {@code assets/receipt/logo.png}; at most the paper's width. */
    public MonoImage logoImage(int columns, Path dataDir) {
        int maxWidth = Math.min(columns * 12, 576);
        String file = options.get("logofile");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.strip());
            return MonoImage.read(path.isAbsolute() || dataDir == null ? path : dataDir.resolve(path), maxWidth);
        }
        try (InputStream in = PrinterSpec.class.getResourceAsStream(DEFAULT_LOGO)) {
            if (in == null) {
                throw new IllegalArgumentException("receipt printer '" + connectionString + "': the default logo "
                        + DEFAULT_LOGO + " is not in this build; name one with logofile=PATH");
            }
            return MonoImage.read(in, DEFAULT_LOGO, maxWidth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the printer may take to take a job or answer, beyond the bytes' time on the wire. */
    public Duration timeout() {
        return Duration.ofMillis(intOption("timeout", 3000, 100, 600_000));
    }

    /** Whether to ask the printer for its status before each job ({@code status=on|off}). */
    public boolean statusQueries(boolean byDefault) {
        String value = options.get("status");
        if (value == null) {
            return byDefault;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new IllegalArgumentException("receipt printer option status=" + value + " is not on or off");
        };
    }

    /** An integer option within bounds, or {@code byDefault} when absent. */
    public int intOption(String name, int byDefault, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return byDefault;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + "=" + value + " of '" + connectionString
                    + "' is not a number from " + min + " to " + max);
        }
    }

    /** Where the default logo is on the class path. */
    public static final String DEFAULT_LOGO = "/assets/receipt/logo.png";
}
