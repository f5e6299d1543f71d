package org.omnitill.core.report;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.SortedMap;
import java.util.TreeMap;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.journal.AuditRepository;
import org.omnitill.core.report.ReportDocument.Section;
import org.omnitill.core.report.ReportRepository.AuditSum;
import org.omnitill.core.report.ReportRepository.GroupSum;
import org.omnitill.core.report.ReportRepository.ShiftSum;
import org.omnitill.core.report.ReportRepository.TaxSum;
import org.omnitill.core.report.ReportRepository.TenderSum;
import org.omnitill.core.store.TillStore;

/**
 * Computes report figures from the local store and lays them out as {@link ReportDocument}s: the
 * X report (the open period), the Z report (a closed period), sales over a date range, the tax
 * summary and the exceptions report. Amounts are summed by the database from stored
 * {@code DECIMAL}s and formatted here by locale; nothing here is {@code double}.
 */
public final class Reports {

    private static final String BUNDLE = "org.omnitill.core.report.report";

    /** The sections of the X and Z reports a receipt-printer slip shows: summary, tenders, tax, cash, hub. */
    public static final java.util.Set<Integer> SLIP_SECTIONS = java.util.Set.of(0, 1, 2, 6, 7);

    private final TillStore store;
    private final TillSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    public Reports(TillStore store, TillSettings settings, ZoneId zone, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The period an X report covers: every journal entry after the last Z. */
    public ReportRange.Sequences openPeriod() {
        var session = store.session();
        ShiftRepository.ZHead head = session.shifts().zHead(false);
        return new ReportRange.Sequences(head.lastSequence() + 1, session.reports().journalHead());
    }

    /** One calendar day in the till's zone. */
    public ReportRange.Times day(LocalDate date) {
        return days(date, date);
    }

    /** Whole days {@code from} to {@code to}, both included, in the till's zone. */
    public ReportRange.Times days(LocalDate from, LocalDate to) {
        return new ReportRange.Times(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public DayFigures figures(ReportRange range) {
        return figuresIn(store.session(), range);
    }

    /** The figures as {@code session} sees them, e.g. inside the transaction that records a Z. */
    DayFigures figuresIn(TillStore.Session session, ReportRange range) {
        ReportRepository r = session.reports();
        SortedMap<Integer, DayFigures.HourSum> hours = new TreeMap<>();
        for (ReportRepository.SaleTime t : r.saleTimes(range)) {
            int hour = t.at().atZone(zone).getHour();
            DayFigures.HourSum before = hours.getOrDefault(hour, new DayFigures.HourSum(0, BigDecimal.ZERO));
            hours.put(hour, new DayFigures.HourSum(before.count() + 1, before.amount().add(t.total())));
        }
        Map<String, AuditSum> audit = new LinkedHashMap<>();
        r.auditSums(range).forEach(a -> audit.put(a.kind(), a));
        // a drawer still open shows what it should hold now
        List<ReportRepository.ShiftSum> shifts = new ArrayList<>();
        for (ReportRepository.ShiftSum s : r.closedShifts(range)) {
            if (s.closedAt() == null) {
                var open = session.shifts().openShift(s.drawer());
                if (open.isPresent()) {
                    s = new ReportRepository.ShiftSum(s.drawer(), s.openedBy(), s.openedAt(), null, s.openingFloat(),
                            org.omnitill.core.cash.CashOffice.expectedCash(session.shifts(), open.get()).amount(), null);
                }
            }
            shifts.add(s);
        }
        return new DayFigures(range, r.saleSums(range), r.tenders(range), r.taxes(range), r.byCategory(range),
                r.byCashier(range), r.byProduct(range), hours, r.returns(range), audit, shifts,
                r.unsentDocuments(), clock.instant(), Math.max(0, settings.currencyUnit().getDefaultFractionDigits()));
    }

    // ---- documents ------------------------------------------------------------------------------

    /** The X report: the open period's figures, nothing closed. */
    public ReportDocument x(Locale locale) {
        DayFigures figures = figures(openPeriod());
        return dayPack(figures, locale, "title.x", null, null, null);
    }

    /** The Z report of a recorded close. */
    public ReportDocument z(ShiftRepository.ZClose z, Locale locale) {
        DayFigures figures = figures(new ReportRange.Sequences(z.fromSequence(), z.toSequence()));
        return dayPack(figures, locale, "title.z", z.number(), z.grandTotal(), z.closedByName());
    }

    /** The Z closes recorded on a calendar day, oldest first. */
    public List<ShiftRepository.ZClose> zClosesOn(LocalDate date) {
        ReportRange.Times day = day(date);
        return store.session().shifts().zClosesBetween(day.from(), day.to());
    }

    ReportDocument dayPack(DayFigures f, Locale locale, String titleKey, Long zNumber, BigDecimal grandTotal,
                           String closedBy) {
        Labels l = new Labels(locale);
        Formats fmt = new Formats(locale, settings.currencyUnit(), zone);
        List<String> header = header(l, fmt, f);
        if (zNumber != null) {
            header.add(l.get("header.z") + ": " + zNumber + (closedBy == null ? "" : " · " + l.get("header.closedBy") + ": " + closedBy));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(summarySection(l, fmt, f, grandTotal));
        sections.add(tenderSection(l, fmt, f.tenders()));
        sections.add(taxSection(l, fmt, f.taxes()));
        sections.add(groupSection(l.get("section.categories"), l, fmt, f.categories(), true));
        sections.add(hourSection(l, fmt, f));
        sections.add(exceptionsSection(l, fmt, f));
        sections.add(cashSection(l, fmt, f));
        sections.add(new Section(l.get("section.sync"), List.of(l.get("col.item"), l.get("col.count")), List.of(
                List.of(l.get("row.unsent"), fmt.count(f.unsentDocuments())),
                List.of(l.get("row.pickups"), l.get("row.pickupsNone"))), null));
        List<String> warnings = new ArrayList<>();
        if (f.unsentDocuments() > 0) {
            warnings.add(l.format("warning.unsent", f.unsentDocuments()));
        }
        for (ShiftSum s : f.shifts()) {
            if (s.closedAt() == null) {
                warnings.add(l.format("warning.openShift", s.drawer()));
            }
        }
        return new ReportDocument(l.get(titleKey), header, sections, warnings,
                l.format("footer", settings.currencyUnit().getCurrencyCode()));
    }

    /** Sales over whole days: totals, tenders, taxes, categories, products, cashiers and hours. */
    public ReportDocument sales(LocalDate from, LocalDate to, Locale locale) {
        DayFigures f = figures(days(from, to));
        Labels l = new Labels(locale);
        Formats fmt = new Formats(locale, settings.currencyUnit(), zone);
        List<Section> sections = new ArrayList<>();
        sections.add(summarySection(l, fmt, f, null));
        sections.add(tenderSection(l, fmt, f.tenders()));
        sections.add(taxSection(l, fmt, f.taxes()));
        sections.add(groupSection(l.get("section.categories"), l, fmt, f.categories(), true));
        sections.add(groupSection(l.get("section.products"), l, fmt, f.products(), true));
        sections.add(groupSection(l.get("section.cashiers"), l, fmt, f.cashiers(), false));
        sections.add(hourSection(l, fmt, f));
        List<String> header = header(l, fmt, f);
        return new ReportDocument(l.get("title.sales"), header, sections, List.of(),
                l.format("footer", settings.currencyUnit().getCurrencyCode()));
    }

    /** Tax by rate over whole days. */
    public ReportDocument taxSummary(LocalDate from, LocalDate to, Locale locale) {
        DayFigures f = figures(days(from, to));
        Labels l = new Labels(locale);
        Formats fmt = new Formats(locale, settings.currencyUnit(), zone);
        return new ReportDocument(l.get("title.tax"), header(l, fmt, f), List.of(taxSection(l, fmt, f.taxes())), List.of(),
                l.format("footer", settings.currencyUnit().getCurrencyCode()));
    }

    /** Voids, overrides, no-sales, refunds and other sensitive actions over whole days, by user. */
    public ReportDocument exceptions(LocalDate from, LocalDate to, Locale locale) {
        ReportRange.Times range = days(from, to);
        DayFigures f = figures(range);
        Labels l = new Labels(locale);
        Formats fmt = new Formats(locale, settings.currencyUnit(), zone);
        List<AuditRepository.Row> rows = store.session().audit().between(range.from(), range.to());
        Map<String, long[]> byUser = new TreeMap<>();
        Map<String, BigDecimal> amountByUser = new TreeMap<>();
        List<List<String>> events = new ArrayList<>();
        for (AuditRepository.Row row : rows) {
            var e = row.entry();
            if (e.kind().equals("LOGIN") || e.kind().equals("LOGOUT")) {
                continue;
            }
            String user = e.staffName() == null ? "—" : e.staffName();
            String key = user + " · " + e.kind();
            byUser.computeIfAbsent(key, k -> new long[1])[0]++;
            amountByUser.merge(key, e.amount() == null ? BigDecimal.ZERO : e.amount(), BigDecimal::add);
            events.add(List.of(fmt.dateTime(row.at()) + " · " + user + " · " + e.kind() + ": " + e.detail(),
                    e.approvedBy() == null ? "" : e.approvedBy(), e.amount() == null ? "" : fmt.money(e.amount())));
        }
        List<List<String>> summary = new ArrayList<>();
        byUser.forEach((key, count) -> summary.add(List.of(key, fmt.count(count[0]), fmt.money(amountByUser.get(key)))));
        List<Section> sections = List.of(
                new Section(l.get("section.byUser"), List.of(l.get("col.user"), l.get("col.count"), l.get("col.amount")),
                        summary, null),
                new Section(l.get("section.events"), List.of(l.get("col.what"), l.get("col.approvedBy"), l.get("col.amount")),
                        events, null));
        return new ReportDocument(l.get("title.exceptions"), header(l, fmt, f), sections, List.of(),
                l.format("footer", settings.currencyUnit().getCurrencyCode()));
    }

    // ---- sections ---------------------------------------------------------------------------------

    private List<String> header(Labels l, Formats fmt, DayFigures f) {
        List<String> header = new ArrayList<>();
        header.add(l.get("header.store") + ": " + settings.storeName() + " · " + l.get("header.till") + ": " + settings.tillCode());
        switch (f.range()) {
            case ReportRange.Sequences s -> {
                String span = f.sums().first() == null ? "—" : fmt.dateTime(f.sums().first()) + " – " + fmt.dateTime(f.sums().last());
                header.add(l.get("header.period") + ": " + span);
                header.add(l.get("header.journal") + ": " + s.from() + " – " + s.to());
            }
            case ReportRange.Times t -> header.add(l.get("header.period") + ": " + fmt.date(t.from()) + " – "
                    + fmt.date(t.to().minusSeconds(1)));
        }
        header.add(l.get("header.printed") + ": " + fmt.dateTime(f.computedAt()));
        return header;
    }

    /** Sales, refunds, discounts, average basket (and the grand total of a Z), net sales as the total. */
    private static Section summarySection(Labels l, Formats fmt, DayFigures f, BigDecimal grandTotal) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(l.get("row.sales"), fmt.count(f.sums().sales()), fmt.money(f.sums().salesTotal())));
        rows.add(List.of(l.get("row.refunds"), fmt.count(f.sums().refunds()), fmt.money(f.sums().refundsTotal())));
        rows.add(List.of(l.get("row.discounts"), "", fmt.money(f.sums().discounts())));
        rows.add(List.of(l.get("row.average"), "", fmt.money(f.averageBasket())));
        if (grandTotal != null) {
            rows.add(List.of(l.get("row.grandTotal"), "", fmt.money(grandTotal)));
        }
        return new Section(l.get("section.summary"), List.of(l.get("col.item"), l.get("col.count"), l.get("col.amount")),
                rows, List.of(l.get("row.net"), fmt.count(f.sums().sales() + f.sums().refunds()), fmt.money(f.netTotal())));
    }

    private Section tenderSection(Labels l, Formats fmt, List<TenderSum> tenders) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long count = 0;
        for (TenderSum t : tenders) {
            String name = t.kind().equals("CASH") ? l.get("row.cash")
                    : l.get("row.card") + (t.brand() == null || t.brand().isBlank() ? "" : " · " + t.brand());
            rows.add(List.of(name, fmt.count(t.count()), fmt.money(t.amount())));
            total = total.add(t.amount());
            count += t.count();
        }
        return new Section(l.get("section.tenders"), List.of(l.get("col.item"), l.get("col.count"), l.get("col.amount")),
                rows, List.of(l.get("row.total"), fmt.count(count), fmt.money(total)));
    }

    private Section taxSection(Labels l, Formats fmt, List<TaxSum> taxes) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (TaxSum t : taxes) {
            rows.add(List.of(t.code() + " " + fmt.percent(t.percent()), fmt.money(t.net()), fmt.money(t.tax()), fmt.money(t.gross())));
            net = net.add(t.net());
            tax = tax.add(t.tax());
            gross = gross.add(t.gross());
        }
        return new Section(l.get("section.taxes"), List.of(l.get("col.rate"), l.get("col.net"), l.get("col.tax"), l.get("col.gross")),
                rows, List.of(l.get("row.total"), fmt.money(net), fmt.money(tax), fmt.money(gross)));
    }

    private Section groupSection(String title, Labels l, Formats fmt, List<GroupSum> groups, boolean quantities) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (GroupSum g : groups) {
            String label = g.label() == null ? l.get("row.uncategorised") : g.label();
            rows.add(List.of(label, quantities ? fmt.quantity(g.quantity()) : fmt.count(g.count()), fmt.money(g.amount())));
            total = total.add(g.amount());
        }
        return new Section(title, List.of(l.get("col.item"), quantities ? l.get("col.quantity") : l.get("col.count"),
                l.get("col.amount")), rows, List.of(l.get("row.total"), "", fmt.money(total)));
    }

    private Section hourSection(Labels l, Formats fmt, DayFigures f) {
        List<List<String>> rows = new ArrayList<>();
        f.hours().forEach((hour, sum) -> rows.add(List.of(String.format("%02d:00–%02d:59", hour, hour),
                fmt.count(sum.count()), fmt.money(sum.amount()))));
        return new Section(l.get("section.hours"), List.of(l.get("col.hour"), l.get("col.count"), l.get("col.amount")),
                rows, null);
    }

    private Section exceptionsSection(Labels l, Formats fmt, DayFigures f) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(l.get("row.returns"), fmt.count(f.returns().count()), fmt.money(f.returns().amount())));
        rows.add(List.of(l.get("row.discounts"), "", fmt.money(f.sums().discounts())));
        rows.add(auditRow(l.get("row.voidLines"), f.audit("VOID_LINE"), fmt, true));
        rows.add(auditRow(l.get("row.voidSales"), f.audit("VOID_SALE"), fmt, true));
        rows.add(auditRow(l.get("row.priceOverrides"), f.audit("PRICE_OVERRIDE"), fmt, true));
        rows.add(auditRow(l.get("row.overrides"), f.audit(ReportRepository.APPROVED), fmt, false));
        rows.add(auditRow(l.get("row.noSales"), f.audit("NO_SALE"), fmt, false));
        rows.add(auditRow(l.get("row.paidIn"), f.audit("PAID_IN"), fmt, true));
        rows.add(auditRow(l.get("row.paidOut"), f.audit("PAID_OUT"), fmt, true));
        rows.add(auditRow(l.get("row.safeDrops"), f.audit("SAFE_DROP"), fmt, true));
        return new Section(l.get("section.exceptions"), List.of(l.get("col.item"), l.get("col.count"), l.get("col.amount")),
                rows, null);
    }

    private static List<String> auditRow(String label, AuditSum sum, Formats fmt, boolean withAmount) {
        return List.of(label, fmt.count(sum.count()), withAmount ? fmt.money(sum.amount()) : "");
    }

    private Section cashSection(Labels l, Formats fmt, DayFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (ShiftSum s : f.shifts()) {
            rows.add(List.of(s.drawer() + " · " + s.openedBy() + " · " + fmt.time(s.openedAt()) + "–"
                            + (s.closedAt() == null ? l.get("row.open") : fmt.time(s.closedAt())),
                    s.expected() == null ? "" : fmt.money(s.expected()), s.counted() == null ? "" : fmt.money(s.counted()),
                    s.counted() == null || s.expected() == null ? "" : fmt.money(s.counted().subtract(s.expected()))));
        }
        return new Section(l.get("section.cash"), List.of(l.get("col.drawer"), l.get("col.expected"), l.get("col.counted"),
                l.get("col.variance")), rows, List.of(l.get("row.total"), fmt.money(f.expectedCash()), fmt.money(f.countedCash()),
                fmt.money(f.cashVariance())));
    }

    // ---- wording and formats --------------------------------------------------------------------

    /** The report's wording; a language without its own file gets English. */
    static final class Labels {
        private final ResourceBundle bundle;
        private final Locale locale;

        Labels(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String get(String key) {
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        String format(String key, Object... args) {
            return new MessageFormat(get(key), locale).format(args);
        }
    }

    static final class Formats {
        private final NumberFormat money;
        private final NumberFormat quantity;
        private final NumberFormat percent;
        private final NumberFormat counts;
        private final DateTimeFormatter dateTime;
        private final DateTimeFormatter date;
        private final DateTimeFormatter time;
        private final ZoneId zone;

        Formats(Locale locale, Currency currency, ZoneId zone) {
            this.zone = zone;
            money = NumberFormat.getNumberInstance(locale);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            money.setMinimumFractionDigits(digits);
            money.setMaximumFractionDigits(digits);
            quantity = NumberFormat.getNumberInstance(locale);
            quantity.setMaximumFractionDigits(3);
            counts = NumberFormat.getIntegerInstance(locale);
            percent = NumberFormat.getNumberInstance(locale);
            percent.setMaximumFractionDigits(2);
            dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale);
            date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            time = DateTimeFormatter.ofPattern("HH:mm", locale);
        }

        String money(BigDecimal amount) {
            return money.format(amount);
        }

        String count(long value) {
            return counts.format(value);
        }

        String quantity(BigDecimal value) {
            return quantity.format(value);
        }

        String percent(BigDecimal value) {
            return percent.format(value) + " %";
        }

        String dateTime(Instant at) {
            return dateTime.format(at.atZone(zone));
        }

        String date(Instant at) {
            return date.format(at.atZone(zone));
        }

        String time(Instant at) {
            return time.format(at.atZone(zone));
        }
    }
}
