package org.omnitill.core.catalog;

/**
 * Told how a {@link CatalogImporter} run is going, on the importing thread. Called once per
 * written batch while reading and once at each change of phase, so it must return quickly.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Where an import is. */
    enum Phase {
        /** Reading and checking rows, writing the valid ones in batches (not yet committed). */
        READING,
        /** The whole file was clean; committing the transaction. */
        COMMITTING,
        /** The file has errors; undoing what was written, nothing stays. */
        ROLLING_BACK,
        /** Committed: the products are in the catalog. */
        DONE
    }

    /**
     * @param phase       where the import is
     * @param rowsRead    valid rows read so far (rows with errors are not counted here)
     * @param rowsWritten rows written to the store so far, within the import's transaction
     */
    void update(Phase phase, long rowsRead, long rowsWritten);

    /** Progress nobody watches. */
    static ImportProgress none() {
        return (phase, rowsRead, rowsWritten) -> { };
    }
}
