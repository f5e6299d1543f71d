package org.omnitill.core.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.omnitill.core.catalog.CatalogCsv;
import org.omnitill.core.catalog.CatalogRow;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.staff.LoginService;
import org.omnitill.core.staff.Role;
import org.omnitill.core.store.TillStore;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo store shipped in {@code assets/demo}: store settings, tax rates, staff with known PINs
 * and a catalog of a few hundred products. Seeding is all or nothing and happens once per data
 * directory.
 */
public final class DemoStore {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStore.class);
    private static final String STORE = "/assets/demo/store.json";
    private static final String CATALOG = "/assets/demo/catalog.csv";

    /** A demo staff member; the PIN is public on purpose, it is shown on the sign-in screen. */
    public record DemoStaff(String name, Role role, String pin) {
    }

    record TaxRateDefinition(String code, String name, BigDecimal percent) {
    }

    record Definition(String storeName, String currency, String tillCode, List<TaxRateDefinition> taxRates,
                      BigDecimal cashRounding, List<String> receiptHeader, String feedbackUrl, List<DemoStaff> staff) {
    }

    private final Definition definition;

    private DemoStore(Definition definition) {
        this.definition = definition;
    }

    /** Reads the demo definition from the class path. */
    public static DemoStore load() {
        ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = resource(STORE)) {
            return new DemoStore(json.readValue(in, Definition.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo store definition " + STORE + " cannot be read", e);
        }
    }

    public TillSettings settings() {
        return new TillSettings(definition.storeName(), definition.currency(), definition.tillCode(), null, null,
                "file:receipts.bin?logo=raster", TaxMode.INCLUSIVE, TaxRounding.PER_LINE, definition.cashRounding(), taxRates(),
                definition.receiptHeader(), definition.feedbackUrl(), null,
                HardwareSettings.defaults().withCashDrawer("printer"));
    }

    public List<DemoStaff> staff() {
        return definition.staff();
    }

    /**
     * Fills an empty store with the demo tax rates, staff and catalog, in one transaction.
     *
     * Staff are seeded on their own when the store has none, so an interrupted first start heals.
     *
     * @return true when it seeded anything
     */
    public boolean seedIfEmpty(TillStore store, LoginService logins) {
        boolean seededCatalog = store.session().catalog().productCount() == 0 && seedCatalog(store);
        boolean seededStaff = false;
        // PIN hashing is slow on purpose; it runs outside the catalog transaction
        if (store.session().staff().findActive().isEmpty()) {
            for (DemoStaff member : definition.staff()) {
                var enrolled = logins.enrol(member.name(), member.role(), member.pin().toCharArray());
                logins.assignBadge(enrolled, badgeOf(member));
            }
            seededStaff = true;
        }
        return seededCatalog || seededStaff;
    }

    /** The demo staff's badge code: what scanning their badge types, e.g. {@code BADGE-1111}. */
    public static String badgeOf(DemoStaff member) {
        return "BADGE-" + member.pin();
    }

    private boolean seedCatalog(TillStore store) {
        List<TaxRate> rates = taxRates();
        Set<String> codes = rates.stream().map(TaxRate::code).collect(Collectors.toSet());
        int scale = settings().currencyUnit().getDefaultFractionDigits();
        List<CatalogRow> rows = new ArrayList<>();
        CatalogCsv.Result result;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(CATALOG), StandardCharsets.UTF_8))) {
            result = new CatalogCsv(codes, scale).read(in, rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo catalog " + CATALOG + " cannot be read", e);
        }
        if (!result.isClean()) {
            throw new IllegalStateException("the demo catalog has errors: " + result.errors());
        }
        store.transactionVoid(session -> rows.forEach(session.catalog()::upsert));
        LOG.info("demo catalog seeded: {} products, {} tax rates", rows.size(), rates.size());
        return true;
    }

    private List<TaxRate> taxRates() {
        return definition.taxRates().stream().map(r -> new TaxRate(r.code(), r.name(), r.percent())).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = DemoStore.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("demo data " + name + " is missing from the class path");
        }
        return in;
    }
}
