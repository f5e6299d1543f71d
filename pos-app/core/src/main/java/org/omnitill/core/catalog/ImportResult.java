package org.omnitill.core.catalog;

import java.util.List;

/**
 * What a catalog import did. An import is all or nothing: with any error nothing was imported.
 *
 * @param rows     data rows in the file (blank lines not counted); 0 when the file could not be read
 * @param imported products written and committed; 0 whenever there are errors
 * @param errors   every problem that stopped the import, each with its line (0: the file as a whole)
 * @param warnings problems that did not stop it, e.g. a column that is ignored
 */
public record ImportResult(int rows, long imported, List<CatalogProblem> errors, List<CatalogProblem> warnings) {

    public ImportResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (!errors.isEmpty() && imported != 0) {
            throw new IllegalArgumentException("an import with errors imports nothing");
        }
    }

    /** True when the whole file was imported. */
    public boolean succeeded() {
        return errors.isEmpty();
    }

    static ImportResult rejected(CatalogProblem problem) {
        return new ImportResult(0, 0, List.of(problem), List.of());
    }
}
