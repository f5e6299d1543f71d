package org.omnitill.core.catalog;

/**
 * Writes a whole catalog into an empty one, fast: plain inserts committed in slices, for the first
 * import of a large file. Until {@link #finish} returns the store marks the load as unfinished; if
 * the till stops before that, the next open removes everything the load wrote, so a half catalog is
 * never left behind as if it were complete. {@link #close} without {@link #finish} undoes it at once.
 *
 * <p>The rows must already have been checked as a whole ({@link CatalogCsv}): unique SKUs and
 * barcodes, known tax codes. The load trusts them.
 */
public interface CatalogLoad extends AutoCloseable {

    /** Writes one product (in a batch; committed with its slice). */
    void add(CatalogRow row);

    /** Products added so far. */
    long written();

    /** Writes what is pending, marks the catalog complete and syncs it to disk. */
    void finish();

    /** Undoes everything written unless {@link #finish} returned. */
    @Override
    void close();
}
