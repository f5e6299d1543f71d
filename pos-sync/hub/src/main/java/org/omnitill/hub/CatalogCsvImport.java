package org.omnitill.hub;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.omnitill.sync.protocol.ChangeData;

/**
 * Reads a catalog in the till's CSV format ({@code sku,name,barcodes,price,tax,category,unit}, UTF-8,
 * header row, barcodes separated by {@code |}) into products, all or nothing: every bad row is
 * reported with its line number. Other columns are ignored with a warning.
 */
final class CatalogCsvImport {

    static final List<String> COLUMNS = List.of("sku", "name", "barcodes", "price", "tax", "category", "unit");
    private static final int MAX_ERRORS_SHOWN = 50;

    record Result(List<ChangeData.ProductData> products, List<String> errors, List<String> warnings) {
    }

    private final Set<String> taxCodes;

    CatalogCsvImport(Set<String> taxCodes) {
        this.taxCodes = taxCodes;
    }

    Result read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Result(List.of(), List.of("the file is not UTF-8; save it as UTF-8 (CSV UTF-8) and send it again"), List.of());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ChangeData.ProductData> products = new ArrayList<>();
        Records records = new Records(text);
        List<String> header = records.next();
        if (header == null) {
            return new Result(List.of(), List.of("the file is empty; the first line must be the header " + String.join(",", COLUMNS)), List.of());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(name)) {
                index.putIfAbsent(name, i);
            } else {
                warnings.add("column '" + header.get(i).strip() + "' is not used and was ignored");
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Result(List.of(), List.of("line 1: the header lacks the column(s) " + String.join(", ", missing)), warnings);
        }
        Map<String, Integer> skuLines = new HashMap<>();
        Map<String, Integer> barcodeLines = new HashMap<>();
        int errorCount = 0;
        List<String> fields;
        while ((fields = records.next()) != null) {
            int line = records.startLine();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            String sku = field(fields, index, "sku");
            String name = field(fields, index, "name");
            String tax = field(fields, index, "tax");
            String unit = field(fields, index, "unit").toLowerCase(Locale.ROOT);
            String category = field(fields, index, "category");
            if (sku.isEmpty() || sku.length() > 64) {
                problems.add("sku must be 1 to 64 characters");
            } else if (skuLines.putIfAbsent(sku, line) != null) {
                problems.add("sku " + sku + " is already on line " + skuLines.get(sku));
            }
            if (name.isEmpty() || name.length() > 200) {
                problems.add("name must be 1 to 200 characters");
            }
            BigDecimal price = null;
            try {
                price = new BigDecimal(field(fields, index, "price"));
                if (price.signum() < 0 || price.scale() > 4) {
                    problems.add("price must be 0 or more with at most 4 decimals");
                }
            } catch (NumberFormatException e) {
                problems.add("price '" + field(fields, index, "price") + "' is not a number (use a dot: 2.49)");
            }
            if (!taxCodes.contains(tax)) {
                problems.add("tax code '" + tax + "' is not defined on the hub");
            }
            if (!unit.equals("each") && !unit.equals("kg")) {
                problems.add("unit must be each or kg, not '" + unit + "'");
            }
            if (category.length() > 128) {
                problems.add("category must be at most 128 characters");
            }
            List<String> barcodes = new ArrayList<>();
            String barcodeField = field(fields, index, "barcodes");
            if (!barcodeField.isEmpty()) {
                for (String barcode : barcodeField.split("\\|")) {
                    String b = barcode.strip();
                    if (!validGtin(b)) {
                        problems.add("barcode '" + b + "' is not a GTIN-8/12/13/14 with a correct check digit");
                    } else if (barcodeLines.putIfAbsent(b, line) != null) {
                        problems.add("barcode " + b + " is already on line " + barcodeLines.get(b));
                    } else {
                        barcodes.add(b);
                    }
                }
            }
            if (problems.isEmpty()) {
                products.add(new ChangeData.ProductData(sku, name, price, tax, category.isEmpty() ? null : category, unit,
                        barcodes, true));
            } else {
                errorCount++;
                if (errors.size() < MAX_ERRORS_SHOWN) {
                    errors.add("line " + line + ": " + String.join("; ", problems));
                }
            }
        }
        if (records.unterminatedQuote()) {
            errors.add("line " + records.startLine() + ": a quoted field is not closed before the end of the file");
            errorCount++;
        }
        if (errorCount > errors.size()) {
            errors.add("... and " + (errorCount - errors.size()) + " more bad line(s)");
        }
        return new Result(errors.isEmpty() ? products : List.of(), errors, warnings);
    }

    private static String field(List<String> fields, Map<String, Integer> index, String column) {
        int i = index.get(column);
        return i < fields.size() ? fields.get(i).strip() : "";
    }

    static boolean validGtin(String code) {
        if (!code.matches("[0-9]{8}|[0-9]{12,14}")) {
            return false;
        }
        int sum = 0;
        int length = code.length();
        for (int i = 0; i < length - 1; i++) {
            int digit = code.charAt(i) - '0';
            // weights 3,1,3,... counted from the digit left of the check digit
            sum += digit * ((length - 1 - i) % 2 == 1 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == code.charAt(length - 1) - '0';
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static final class Records {
        private final String text;
        private int pos;
        private int line = 1;
        private int startLine;
        private boolean unterminated;

        Records(String text) {
            this.text = text;
        }

        int startLine() {
            return startLine;
        }

        boolean unterminatedQuote() {
            return unterminated;
        }

        List<String> next() {
            if (pos >= text.length()) {
                return null;
            }
            startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                unterminated = true;
            }
            fields.add(field.toString());
            return fields;
        }
    }

    @Override
    public String toString() {
        return "CatalogCsvImport" + Arrays.asList(COLUMNS);
    }
}
