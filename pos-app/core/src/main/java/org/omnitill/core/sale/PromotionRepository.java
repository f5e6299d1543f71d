package org.omnitill.core.sale;

import java.time.Instant;
import java.util.List;

/** The promotions the hub sent this till. */
public interface PromotionRepository {

    /** The promotions in force at {@code at}. */
    List<Promotion> inForceAt(Instant at);

    /** Saves (or replaces) a promotion by its code. */
    void save(Promotion promotion);

    /** Forgets a promotion; nothing happens when the till does not have it. */
    void remove(String code);
}
