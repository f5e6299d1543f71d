package org.omnitill.core.report;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.omnitill.core.receipt.CodePage;

/**
 * A short report slip for the receipt printer: the title, header, warnings and the sections a
 * cash-up needs (summary, tenders, tax, cash), each row as a label with its figures at the right.
 * The same lines come out as plain text ({@link #lines}) and as ESC/POS ({@link #escPos}).
 */
public final class ReportSlip {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;

    private ReportSlip() {
    }

    /** The slip's text, {@code columns} wide; {@code sections} picks which sections by index (all when empty). */
    public static List<String> lines(ReportDocument document, int columns, Set<Integer> sections) {
        List<String> lines = new ArrayList<>();
        lines.add(center(document.title(), columns));
        lines.add("=".repeat(columns));
        for (String header : document.header()) {
            lines.addAll(wrap(header, columns));
        }
        for (String warning : document.warnings()) {
            lines.add("");
            lines.addAll(wrap("! " + warning, columns));
        }
        for (int i = 0; i < document.sections().size(); i++) {
            if (!sections.isEmpty() && !sections.contains(i)) {
                continue;
            }
            ReportDocument.Section section = document.sections().get(i);
            lines.add("");
            lines.add(section.title());
            lines.add("-".repeat(columns));
            for (List<String> row : section.rows()) {
                lines.addAll(row(row, columns));
            }
            if (section.total() != null) {
                lines.addAll(row(section.total(), columns));
            }
        }
        lines.add("");
        return lines;
    }

    /** The slip as ESC/POS: initialise, select the code table, the lines (title bold), feed and cut. */
    public static byte[] escPos(ReportDocument document, int columns, Set<Integer> sections, CodePage codePage, int codeTable) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ESC);
        out.write('@');
        out.write(ESC);
        out.write('t');
        out.write(codeTable);
        List<String> lines = lines(document, columns, sections);
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                out.write(ESC);
                out.write('E');
                out.write(1);
            }
            out.writeBytes(codePage.encode(codePage.printable(lines.get(i))));
            out.write('\n');
            if (i == 0) {
                out.write(ESC);
                out.write('E');
                out.write(0);
            }
        }
        out.write(GS);
        out.write('V');
        out.write(66);
        out.write(3);
        return out.toByteArray();
    }

    /** Label on the left, the figures after it at the right; a long label takes a line of its own. */
    private static List<String> row(List<String> cells, int columns) {
        String label = cells.isEmpty() ? "" : cells.get(0);
        StringBuilder figures = new StringBuilder();
        for (int i = 1; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                figures.append(figures.isEmpty() ? "" : "  ").append(cells.get(i));
            }
        }
        List<String> lines = new ArrayList<>();
        int room = columns - figures.length() - 1;
        if (label.length() <= room) {
            lines.add(label + " ".repeat(columns - label.length() - figures.length()) + figures);
        } else {
            lines.addAll(wrap(label, columns));
            if (!figures.isEmpty()) {
                lines.add(" ".repeat(Math.max(0, columns - figures.length())) + figures);
            }
        }
        return lines;
    }

    private static String center(String text, int columns) {
        if (text.length() >= columns) {
            return text.substring(0, columns);
        }
        return " ".repeat((columns - text.length()) / 2) + text;
    }

    private static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > columns && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (word.length() > columns) {
                lines.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
