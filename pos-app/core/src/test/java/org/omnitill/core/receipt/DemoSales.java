package org.omnitill.core.receipt;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.money.Money;
import org.omnitill.core.sale.CompletedSale;
import org.omnitill.core.staff.PermissionPolicy;
import org.omnitill.core.sale.Sale;
import org.omnitill.core.sale.SaleLimits;
import org.omnitill.core.sale.SaleService;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.tender.Tender;

/** The demo till with a fixed clock, for receipts with known dates. Tests in other packages use it too. */
public final class DemoSales implements AutoCloseable {

    public static final String EGGS = "8414850557430";     // 3.29, RED 10 %
    public static final String TOMATOES = "8438438405715"; // 1.39, RED 10 %
    public static final String BANANAS = "8471933596977";  // 2.29/kg, RED 10 %
    /** 14 March 2025, 18:05 in Madrid. */
    public static final Instant NOW = Instant.parse("2025-03-14T17:05:00Z");
    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-GB");

    public final Till till;
    public final StaffMember cashier;
    private SaleService sales;

    public DemoSales(Path dir) throws IOException {
        // the demo store's own printer (file:receipts.bin) would start a print worker of its own that
        // competes with the queues these tests drive; this fixture's till has no printer configured
        DataDirectory directory = new DataDirectory(dir);
        new org.omnitill.core.config.SettingsStore(directory.settingsFile())
                .save(org.omnitill.core.demo.DemoStore.load().settings().withReceiptPrinter(null));
        till = Till.open(directory, true, new PinHasher(1_000, new SecureRandom()));
        cashier = till.logins().activeStaff().get(0);
        withSettings(till.settings());
    }

    /** Sales priced with these settings (tax mode, cash rounding) from now on. */
    public DemoSales withSettings(TillSettings settings) {
        sales = new SaleService(till.store(), settings, SaleLimits.defaults(), PermissionPolicy.ALLOW_ALL,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return this;
    }

    public SaleService sales() {
        return sales;
    }

    public Sale newSale() {
        return sales.newSale(cashier);
    }

    public Product product(String barcode) {
        return till.store().session().catalog().findByBarcode(barcode).orElseThrow();
    }

    /** Eggs x1 and tomatoes x2 for 10.00 in cash: total 6.07, change 3.93. */
    public CompletedSale simpleCashSale() {
        Sale sale = newSale();
        sale.add(product(EGGS), BigDecimal.ONE);
        sale.add(product(TOMATOES), new BigDecimal("2"));
        sale.addTender(new Tender.Cash(Money.of("10.00", "EUR")));
        return sales.complete(sale);
    }

    public Receipt receipt(CompletedSale sale) {
        return Receipt.of(sale, till.settings(), ENGLISH, MADRID);
    }

    @Override
    public void close() throws IOException {
        till.close();
    }
}
