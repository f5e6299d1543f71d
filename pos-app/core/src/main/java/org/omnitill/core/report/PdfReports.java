package org.omnitill.core.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperPrintManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * Renders {@link ReportDocument}s with JasperReports: to PDF, to page images for the preview, or
 * straight to a system printer. The layout ({@code report.jrxml}) is compiled when the till is
 * built; it is loaded from the class path once per process and never compiled at runtime.
 */
public final class PdfReports {

    static final String COMPILED = "/org/omnitill/core/report/report.jasper";

    /** Values columns per row besides the label; sections with fewer are right-aligned. */
    private static final int VALUE_COLUMNS = 4;

    private PdfReports() {
    }

    private static final class Layout {
        static final JasperReport REPORT = load();

        private static JasperReport load() {
            try (InputStream in = PdfReports.class.getResourceAsStream(COMPILED)) {
                if (in == null) {
                    throw new IllegalStateException(COMPILED + " is missing: the build compiles it from report.jrxml");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException | JRException e) {
                throw new IllegalStateException("the report layout could not be loaded", e);
            }
        }
    }

    /**
     * Loads the layout, the fonts and the PDF exporter once, so the first report a manager asks for
     * is not the one that pays for it (about a second of class loading on a cold JVM).
     */
    public static void warmUp() {
        writePdf(new ReportDocument("warm-up", List.of(), List.of(new ReportDocument.Section("warm-up", List.of("a", "b"),
                List.of(List.of("x", "1")), null)), List.of(), ""), java.io.OutputStream.nullOutputStream());
    }

    /**
     * {@link #warmUp} on a low-priority daemon thread, e.g. when the cash office opens, where reports
     * are about to be asked for. Only the first costs anything; after it, a warm-up is a tiny render.
     */
    public static void warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                warmUp();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PdfReports.class).warn("report warm-up failed: {}", e.getMessage());
            }
        }, "report-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Fills the layout with a document. */
    public static JasperPrint fill(ReportDocument document) {
        // a mutable map: JasperReports adds its own built-in parameters to it while filling
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", document.title());
        parameters.put("HEADER", String.join("\n", document.header()));
        parameters.put("WARNINGS", document.warnings().isEmpty() ? null : "⚠ " + String.join("\n⚠ ", document.warnings()));
        parameters.put("FOOTER", document.footer());
        try {
            return JasperFillManager.fillReport(Layout.REPORT, parameters, new JRMapCollectionDataSource(rows(document)));
        } catch (JRException e) {
            throw new IllegalStateException("the report could not be filled: " + e.getMessage(), e);
        }
    }

    /** Writes the document as PDF. */
    public static void writePdf(ReportDocument document, OutputStream out) {
        try {
            JasperExportManager.exportReportToPdfStream(fill(document), out);
        } catch (JRException e) {
            throw new UncheckedIOException(new IOException("the PDF could not be written: " + e.getMessage(), e));
        }
    }

    /** The pages as images for an on-screen preview, at {@code zoom} (1 = 72 dpi). */
    public static List<BufferedImage> pages(ReportDocument document, float zoom) {
        JasperPrint print = fill(document);
        List<BufferedImage> images = new ArrayList<>();
        try {
            for (int i = 0; i < print.getPages().size(); i++) {
                images.add((BufferedImage) JasperPrintManager.printPageToImage(print, i, zoom));
            }
        } catch (JRException e) {
            throw new IllegalStateException("the report preview could not be drawn: " + e.getMessage(), e);
        }
        return images;
    }

    /** Sends the document to the operating system's default printer, or asks with the system dialog. */
    public static boolean print(ReportDocument document, boolean withDialog) {
        try {
            return JasperPrintManager.printReport(fill(document), withDialog);
        } catch (JRException e) {
            throw new IllegalStateException("the report could not be printed: " + e.getMessage(), e);
        }
    }

    /** One map per table row: the section's title and column titles repeat on every row of it. */
    static List<Map<String, ?>> rows(ReportDocument document) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ReportDocument.Section section : document.sections()) {
            List<List<String>> lines = new ArrayList<>(section.rows());
            if (lines.isEmpty()) {
                lines.add(List.of("—"));
            }
            for (List<String> line : lines) {
                rows.add(row(section, line, "ROW"));
            }
            if (section.total() != null) {
                rows.add(row(section, section.total(), "TOTAL"));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(ReportDocument.Section section, List<String> cells, String kind) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section.title());
        row.put("kind", kind);
        put(row, "h", section.columns());
        put(row, "c", cells);
        return row;
    }

    /** Cell 0 goes to column 1; the others fill the rightmost columns, so figures line up at the right. */
    private static void put(Map<String, Object> row, String prefix, List<String> cells) {
        if (cells.isEmpty()) {
            return;
        }
        row.put(prefix + "1", cells.get(0));
        int values = Math.min(cells.size() - 1, VALUE_COLUMNS);
        int first = 2 + VALUE_COLUMNS - values;
        for (int i = 0; i < values; i++) {
            row.put(prefix + (first + i), cells.get(1 + i));
        }
    }
}
