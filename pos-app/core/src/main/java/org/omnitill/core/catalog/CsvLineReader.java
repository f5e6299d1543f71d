package org.omnitill.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records: comma separated, fields optionally in double quotes, a doubled quote
 * inside quotes is a quote, and a quoted field may span lines. Tracks the line number each record
 * starts on, so errors can point at it.
 */
final class CsvLineReader {

    private final BufferedReader in;
    private int lineNumber;
    private int recordLine;

    CsvLineReader(BufferedReader in) {
        this.in = in;
    }

    /** The physical line the last record returned by {@link #next()} started on (1-based). */
    int recordLine() {
        return recordLine;
    }

    /**
     * The next record's fields, or {@code null} at the end of input.
     *
     * @throws CsvFormatException for a quote left open at the end of the file
     */
    List<String> next() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        recordLine = lineNumber;
        if (recordLine == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1); // a UTF-8 byte order mark, as spreadsheet programs write
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                String more = in.readLine();
                if (more == null) {
                    throw new CsvFormatException(recordLine, "a quoted field is not closed before the end of the file");
                }
                lineNumber++;
                field.append('\n');
                line = more;
                i = 0;
                continue;
            }
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
    }

    /** A record that cannot be split into fields. */
    static final class CsvFormatException extends IOException {
        private final int line;

        CsvFormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
