package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.PRODUCT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** Lookups on the hub's catalog shared by the admin features that refer to products. */
final class Products {

    private static final int CHUNK = 10_000;

    private Products() {
    }

    /** Which of {@code skus} are products on the hub (read in chunks, so any number may be asked). */
    static Set<String> known(DSLContext dsl, Collection<String> skus) {
        List<String> all = new ArrayList<>(skus);
        Set<String> known = new HashSet<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            known.addAll(dsl.select(PRODUCT.SKU).from(PRODUCT).where(PRODUCT.SKU.in(all.subList(i, Math.min(all.size(), i + CHUNK))))
                    .fetch(PRODUCT.SKU));
        }
        return known;
    }
}
