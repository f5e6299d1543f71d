package org.omnitill.sync.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;

/** What one change of the feed carries; {@code kind} on the wire names the variant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChangeData.ProductData.class, name = "product"),
        @JsonSubTypes.Type(value = ChangeData.TaxRateData.class, name = "tax-rate"),
        @JsonSubTypes.Type(value = ChangeData.StockLevelData.class, name = "stock-level"),
        @JsonSubTypes.Type(value = ChangeData.LocationData.class, name = "location"),
        @JsonSubTypes.Type(value = ChangeData.PriceData.class, name = "price"),
        @JsonSubTypes.Type(value = ChangeData.PriceRemovedData.class, name = "price-removed"),
        @JsonSubTypes.Type(value = ChangeData.PromotionData.class, name = "promotion"),
        @JsonSubTypes.Type(value = ChangeData.PromotionRemovedData.class, name = "promotion-removed")
})
public sealed interface ChangeData {

    /** A product as it is now, in the till's catalog terms (an inactive one is withdrawn from sale). */
    record ProductData(String sku, String name, BigDecimal price, String taxCode, String category, String unit,
                       List<String> barcodes, Boolean active) implements ChangeData {
        public ProductData {
            active = active == null ? Boolean.TRUE : active; // left out: on sale
        }
    }

    record TaxRateData(String code, String name, BigDecimal percent) implements ChangeData {
    }

    /** On hand at one location now (the sum of its movements at the hub). */
    record StockLevelData(String location, String sku, BigDecimal onHand) implements ChangeData {
    }

    /**
     * A price-book entry that applies to the receiving till's store: from {@code effectiveFrom} on,
     * {@code price} instead of the base price, unless an entry of a more specific scope (STORE over
     * GROUP over ALL) or a later one of the same scope is in effect. Sent only to the tills it concerns.
     *
     * @param id the hub's entry number (the latest wins between entries of one scope and moment)
     */
    record PriceData(long id, String sku, java.math.BigDecimal price, java.time.Instant effectiveFrom, String scope)
            implements ChangeData {
    }

    /** A price-book entry no longer concerns the receiving till's store (the store left the entry's group). */
    record PriceRemovedData(long id, String sku) implements ChangeData {
    }

    /** A place that holds stock: {@code STORE}, {@code WAREHOUSE} or {@code ONLINE}. */
    record LocationData(String code, String name, String locationKind, String storeCode) implements ChangeData {
    }

    /**
     * A promotion that applies at the receiving till's store, as it is now (a newer one with the same
     * code replaces it). {@code PERCENT_OFF}: {@code percent} off each covered line; {@code MULTI_BUY}:
     * every {@code buyQuantity} pieces of one covered line for {@code bundlePrice}. In force from
     * {@code effectiveFrom} to {@code effectiveTo} (excluded; {@code null} for no end).
     */
    record PromotionData(String code, String name, String promotionKind, BigDecimal percent, Integer buyQuantity,
                         BigDecimal bundlePrice, List<String> skus, java.time.Instant effectiveFrom,
                         java.time.Instant effectiveTo) implements ChangeData {
    }

    /** A promotion was withdrawn, or no longer concerns the receiving till's store. */
    record PromotionRemovedData(String code) implements ChangeData {
    }
}
