package org.omnitill.core.catalog;

import java.util.List;
import org.omnitill.core.money.Money;

/** Finds products by the start of words of their name, or by SKU prefix, as the cashier types. */
public interface ProductSearch {

    /** One result, enough for a result list; the sale looks the product up again by SKU. */
    record Hit(long productId, String sku, String name, Money price, Unit unit, String category) {
    }

    /** Up to {@code limit} products whose name has words starting with every query word, or whose SKU starts with it. */
    List<Hit> search(String query, int limit);

    /** The catalog's categories, by name: the quick keys' first level. */
    List<String> categories();

    /** Products of one category by name, at most {@code limit}. */
    List<Hit> inCategory(String category, int limit);

    /** The products sold most on this till (by number of sale lines), at most {@code limit}. */
    List<Hit> favourites(int limit);
}
