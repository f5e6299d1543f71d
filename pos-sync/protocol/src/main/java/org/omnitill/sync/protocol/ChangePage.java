package org.omnitill.sync.protocol;

import java.util.List;

/**
 * A page of the change feed.
 *
 * @param next the cursor to ask with next ({@code after=next}); equal to the one asked with when empty
 * @param more whether more changes follow right away
 */
public record ChangePage(List<Change> changes, long next, boolean more) {
}
