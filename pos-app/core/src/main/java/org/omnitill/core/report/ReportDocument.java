package org.omnitill.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A report laid out for people, independent of the medium: a title, header lines, sections of
 * rows with column titles, and warnings. Rendered to PDF by {@link PdfReports}, to the receipt
 * printer as a slip by {@link ReportSlip}, and shown in the app's preview.
 */
public record ReportDocument(String title, List<String> header, List<Section> sections, List<String> warnings,
                             String footer) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /**
     * One table. The first column is text; the others are right-aligned figures already formatted.
     *
     * @param total a last row printed in bold, or {@code null}
     */
    public record Section(String title, List<String> columns, List<List<String>> rows, List<String> total) {
        public Section {
            Objects.requireNonNull(title, "title");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            total = total == null ? null : List.copyOf(total);
        }
    }
}
