package org.omnitill.core.sync;

import java.math.BigDecimal;

/** On hand of one SKU at one location, as the hub last reported it. */
public record StockLevel(String location, String locationName, String sku, BigDecimal onHand) {
}
