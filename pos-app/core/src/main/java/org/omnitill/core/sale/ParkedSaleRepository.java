package org.omnitill.core.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sales put aside, as the local store keeps them. */
public interface ParkedSaleRepository {

    /** What the recall list shows. */
    record Summary(UUID id, Instant parkedAt, String staffName, String label, int itemCount, BigDecimal total) {
    }

    void insert(Summary summary, long staffId, String body);

    List<Summary> list();

    /** The parked sale's lines as written by {@link ParkedSales}, removed in the same step. */
    Optional<String> take(UUID id);
}
