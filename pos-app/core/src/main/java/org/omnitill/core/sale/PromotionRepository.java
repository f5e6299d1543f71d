package org.omnitill.core.sale;

import java.util.List;

/** The promotions the hub sent this till. */
public interface PromotionRepository {

    /** Every promotion the till has, in force or not (they are few: the till filters by time itself). */
    List<Promotion> all();

    /** Saves (or replaces) a promotion by its code. */
    void save(Promotion promotion);

    /** Forgets a promotion; nothing happens when the till does not have it. */
    void remove(String code);
}
