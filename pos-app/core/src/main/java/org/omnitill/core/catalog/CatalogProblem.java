package org.omnitill.core.catalog;

/** Something wrong (or worth a warning) in a catalog file, with the line it is on (0: the file as a whole). */
public record CatalogProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
