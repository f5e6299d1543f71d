package org.omnitill.core.sync;

import java.util.ArrayList;
import java.util.List;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.store.TillStore;
import org.omnitill.sync.client.HubClient;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.client.HubUnavailableException;
import org.omnitill.sync.protocol.ChangePage;

/**
 * Pulls the change feed from the till's cursor until the hub has nothing more, applying each page
 * in its own transaction, so a fresh till bootstraps its whole catalog page by page and stays
 * usable (a sale never waits for more than one page's transaction).
 */
public final class ChangePuller {

    /** What a pull did. */
    public record Pulled(int pages, int changes, int products, List<TaxRate> newTaxRates) {
    }

    private final TillStore store;
    private final ChangeApplier applier;
    private final int pageSize;

    public ChangePuller(TillStore store, int pageSize, java.time.Clock clock) {
        this.store = store;
        this.applier = new ChangeApplier(store, clock);
        this.pageSize = pageSize;
    }

    public Pulled pull(HubClient client, String token) throws HubUnavailableException, HubRefusedException {
        int pages = 0;
        int changes = 0;
        int products = 0;
        List<TaxRate> taxRates = new ArrayList<>();
        long cursor = store.session().sync().feedCursor();
        boolean restarted = false;
        while (true) {
            ChangePage page;
            try {
                page = client.changes(token, cursor, pageSize);
            } catch (HubRefusedException e) {
                if (e.status() != 409 || restarted) {
                    throw e;
                }
                // the hub's feed is behind this till's cursor (restored from a backup): read it all again
                cursor = 0;
                restarted = true;
                continue;
            }
            if (page.changes() == null) {
                throw new HubUnavailableException("the hub sent a change page without changes");
            }
            if (page.changes().isEmpty() && page.next() == cursor) {
                return new Pulled(pages, changes, products, taxRates);
            }
            ChangeApplier.Applied applied = applier.apply(page);
            pages++;
            changes += page.changes().size();
            products += applied.products();
            taxRates.addAll(applied.newTaxRates());
            cursor = page.next();
            if (!page.more()) {
                return new Pulled(pages, changes, products, taxRates);
            }
        }
    }
}
