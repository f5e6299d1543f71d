package org.omnitill.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The catalog file format: UTF-8 CSV with a header row naming the columns
 * {@code sku,name,barcodes,price,tax,category,unit} in any order. {@code barcodes} holds GTINs
 * separated by {@code |}; {@code tax} is a tax code the store defines; {@code unit} is {@code each}
 * or {@code kg}. Other columns are ignored with a warning.
 *
 * <p>The reader checks every row and reports every problem with its line number; it hands valid
 * rows to a consumer as it goes, so the caller decides whether to keep them (an import keeps
 * nothing unless the whole file is clean).
 */
public final class CatalogCsv {

    public static final List<String> COLUMNS = List.of("sku", "name", "barcodes", "price", "tax", "category", "unit");
    private static final int MAX_SKU = 64;
    private static final int MAX_NAME = 200;
    private static final int MAX_CATEGORY = 128;

    private final Set<String> taxCodes;
    private final int priceScale;

    /**
     * @param taxCodes   the tax codes the store defines
     * @param priceScale the most decimals a price may have (the currency's minor unit)
     */
    public CatalogCsv(Set<String> taxCodes, int priceScale) {
        this.taxCodes = Set.copyOf(taxCodes);
        this.priceScale = priceScale;
    }

    /** What reading a file found. */
    public record Result(int rows, List<CatalogProblem> errors, List<CatalogProblem> warnings) {
        public boolean isClean() {
            return errors.isEmpty();
        }
    }

    public Result read(BufferedReader in, Consumer<CatalogRow> validRows) throws IOException {
        List<CatalogProblem> errors = new ArrayList<>();
        List<CatalogProblem> warnings = new ArrayList<>();
        CsvLineReader csv = new CsvLineReader(in);
        Map<String, Integer> column;
        try {
            List<String> header = csv.next();
            if (header == null) {
                errors.add(new CatalogProblem(0, "the file is empty; expected a header row: " + String.join(",", COLUMNS)));
                return new Result(0, errors, warnings);
            }
            column = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(name)) {
                    warnings.add(new CatalogProblem(1, "column '" + header.get(i) + "' is not used and will be ignored"));
                } else if (column.putIfAbsent(name, i) != null) {
                    errors.add(new CatalogProblem(1, "column '" + name + "' appears twice"));
                }
            }
            List<String> missing = COLUMNS.stream().filter(c -> !column.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new CatalogProblem(1, "missing column(s): " + String.join(", ", missing)));
            }
            if (!errors.isEmpty()) {
                return new Result(0, errors, warnings);
            }
            FirstLineIndex skuLines = new FirstLineIndex();
            FirstLineIndex barcodeLines = new FirstLineIndex();
            int rows = 0;
            List<String> fields;
            while ((fields = csv.next()) != null) {
                int line = csv.recordLine();
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue; // blank line
                }
                rows++;
                CatalogRow row = parseRow(fields, column, line, errors, skuLines, barcodeLines);
                if (row != null) {
                    validRows.accept(row);
                }
            }
            return new Result(rows, errors, warnings);
        } catch (CsvLineReader.CsvFormatException e) {
            errors.add(new CatalogProblem(e.line(), e.getMessage()));
            return new Result(0, errors, warnings);
        }
    }

    private CatalogRow parseRow(List<String> fields, Map<String, Integer> column, int line,
                                List<CatalogProblem> errors, FirstLineIndex skuLines,
                                FirstLineIndex barcodeLines) {
        int before = errors.size();
        if (fields.size() < column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1) {
            errors.add(new CatalogProblem(line, "has " + fields.size() + " field(s), fewer than the header"));
            return null;
        }
        String sku = field(fields, column, "sku");
        String name = field(fields, column, "name");
        String category = field(fields, column, "category");
        String tax = field(fields, column, "tax").toUpperCase(Locale.ROOT);

        if (sku.isEmpty()) {
            errors.add(new CatalogProblem(line, "sku is empty"));
        } else if (sku.length() > MAX_SKU) {
            errors.add(new CatalogProblem(line, "sku is longer than " + MAX_SKU + " characters"));
        } else {
            int first = skuLines.putIfAbsent(sku, line);
            if (first != 0) {
                errors.add(new CatalogProblem(line, "sku " + sku + " already appears on line " + first));
            }
        }
        if (name.isEmpty()) {
            errors.add(new CatalogProblem(line, "name is empty"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new CatalogProblem(line, "name is longer than " + MAX_NAME + " characters"));
        }
        if (category.length() > MAX_CATEGORY) {
            errors.add(new CatalogProblem(line, "category is longer than " + MAX_CATEGORY + " characters"));
        }
        if (!taxCodes.contains(tax)) {
            errors.add(new CatalogProblem(line, "tax code '" + field(fields, column, "tax") + "' is not defined; known codes: "
                    + String.join(", ", taxCodes.stream().sorted().toList())));
        }
        BigDecimal price = parsePrice(field(fields, column, "price"), line, errors);
        Unit unit = null;
        try {
            unit = Unit.fromCode(field(fields, column, "unit"));
        } catch (IllegalArgumentException e) {
            errors.add(new CatalogProblem(line, e.getMessage()));
        }
        List<String> barcodes = new ArrayList<>();
        String barcodeField = field(fields, column, "barcodes");
        if (!barcodeField.isEmpty()) {
            Set<String> inRow = new HashSet<>();
            for (String raw : barcodeField.split("\\|", -1)) {
                String code = raw.strip();
                if (!Gtin.isValid(code)) {
                    errors.add(new CatalogProblem(line, "barcode '" + code + "' is not a valid GTIN-8/12/13/14"
                            + " (wrong length, not digits, or wrong check digit)"));
                } else if (inRow.add(code)) {
                    int first = barcodeLines.putIfAbsent(code, line);
                    if (first != 0) {
                        errors.add(new CatalogProblem(line, "barcode " + code + " already belongs to line " + first));
                    } else {
                        barcodes.add(code);
                    }
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new CatalogRow(sku, name, barcodes, price, tax, category.isEmpty() ? null : category, unit);
    }

    private BigDecimal parsePrice(String text, int line, List<CatalogProblem> errors) {
        if (text.isEmpty()) {
            errors.add(new CatalogProblem(line, "price is empty"));
            return null;
        }
        BigDecimal price;
        try {
            price = new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new CatalogProblem(line, "price '" + text + "' is not a number (use a dot for decimals, e.g. 4.95)"));
            return null;
        }
        if (price.signum() < 0) {
            errors.add(new CatalogProblem(line, "price " + text + " is negative"));
            return null;
        }
        if (price.stripTrailingZeros().scale() > priceScale) {
            errors.add(new CatalogProblem(line, "price " + text + " has more than " + priceScale + " decimals"));
            return null;
        }
        return price;
    }

    private static String field(List<String> fields, Map<String, Integer> column, String name) {
        return fields.get(column.get(name)).strip();
    }
}
