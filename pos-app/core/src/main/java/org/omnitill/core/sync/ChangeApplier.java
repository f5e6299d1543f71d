package org.omnitill.core.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.catalog.Unit;
import org.omnitill.core.store.TillStore;
import org.omnitill.sync.protocol.Change;
import org.omnitill.sync.protocol.ChangeData;
import org.omnitill.sync.protocol.ChangePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a page of the change feed to the local store in one transaction, moving the cursor in
 * the same transaction: a page is applied entirely or not at all, and never twice.
 */
public final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

    /** What a page changed. */
    public record Applied(int products, int taxRates, int stockLevels, int skipped, List<TaxRate> newTaxRates) {
    }

    private final TillStore store;
    private final java.time.Clock clock;

    public ChangeApplier(TillStore store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Applied apply(ChangePage page) {
        return store.transaction(session -> {
            // the latest change of each product wins within the page; catalog rows are written in one batch
            Map<String, ChangeData.ProductData> products = new LinkedHashMap<>();
            List<TaxRate> taxRates = new ArrayList<>();
            List<ChangeData.PriceData> prices = new ArrayList<>();
            List<ChangeData.PriceRemovedData> removedPrices = new ArrayList<>();
            int levels = 0;
            int skipped = 0;
            for (Change change : page.changes()) {
                switch (change.data()) {
                    case ChangeData.ProductData p -> {
                        products.remove(p.sku());
                        products.put(p.sku(), p);
                    }
                    case ChangeData.TaxRateData t -> {
                        TaxRate rate = new TaxRate(t.code(), t.name(), t.percent());
                        session.catalog().saveTaxRate(rate);
                        taxRates.add(rate);
                    }
                    case ChangeData.StockLevelData s -> {
                        session.sync().saveStockLevel(s.location(), s.sku(), s.onHand());
                        levels++;
                    }
                    case ChangeData.LocationData l -> session.sync().saveLocation(l.code(), l.name(), l.locationKind(), l.storeCode());
                    case ChangeData.PriceData p -> prices.add(p);
                    case ChangeData.PriceRemovedData r -> removedPrices.add(r);
                    case ChangeData.PromotionData p -> savePromotion(session, p);
                    case ChangeData.PromotionRemovedData r -> session.promotions().remove(r.code());
                    case null -> skipped++;
                }
            }
            List<CatalogRow> rows = new ArrayList<>();
            List<String> inactive = new ArrayList<>();
            for (ChangeData.ProductData p : products.values()) {
                Unit unit;
                try {
                    unit = Unit.fromCode(p.unit());
                } catch (IllegalArgumentException e) {
                    LOG.warn("change feed: product {} has unit '{}', which this till does not know; skipped", p.sku(), p.unit());
                    skipped++;
                    continue;
                }
                rows.add(new CatalogRow(p.sku(), p.name(), p.barcodes() == null ? List.of() : p.barcodes(), p.price(),
                        p.taxCode(), p.category(), unit));
                if (!p.active()) {
                    inactive.add(p.sku());
                }
            }
            session.catalog().upsertAll(rows);
            session.sync().deactivateProducts(inactive);
            java.time.Instant now = clock.instant();
            // a product sent again brings its base price; the price book still decides the price in force
            session.sync().rebasePrices(rows.stream().map(CatalogRow::sku).toList(), now);
            java.util.Set<String> priced = new java.util.HashSet<>();
            for (ChangeData.PriceData p : prices) {
                session.sync().savePriceEntry(p.id(), p.sku(), p.price(), p.effectiveFrom(), switch (p.scope()) {
                    case "STORE" -> 3;
                    case "GROUP" -> 2;
                    default -> 1;
                });
                priced.add(p.sku());
            }
            for (ChangeData.PriceRemovedData r : removedPrices) {
                session.sync().removePriceEntry(r.id());
                priced.add(r.sku());
            }
            session.sync().refreshPrices(priced, now);
            session.sync().saveFeedCursor(page.next());
            return new Applied(rows.size(), taxRates.size(), levels, skipped, taxRates);
        });
    }

    /** A promotion this till cannot apply (an unknown kind, bad figures) is logged and left out, not fatal. */
    private static void savePromotion(TillStore.Session session, ChangeData.PromotionData p) {
        try {
            session.promotions().save(new org.omnitill.core.sale.Promotion(p.code(), p.name(),
                    org.omnitill.core.sale.Promotion.Kind.valueOf(p.promotionKind()), p.percent(), p.buyQuantity(),
                    p.bundlePrice(), p.skus() == null ? java.util.Set.of() : java.util.Set.copyOf(p.skus()),
                    p.effectiveFrom(), p.effectiveTo()));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("change feed: promotion {} cannot be applied by this till and was left out: {}", p.code(), e.getMessage());
            session.promotions().remove(p.code());
        }
    }
}
