package org.omnitill.core.cash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The notes and coins of a currency a drawer is counted in, largest first. */
public final class Denominations {

    private static final Map<String, String> DEFAULTS = Map.of(
            "EUR", "500 200 100 50 20 10 5 2 1 0.50 0.20 0.10 0.05 0.02 0.01",
            "USD", "100 50 20 10 5 2 1 0.25 0.10 0.05 0.01",
            "CAD", "100 50 20 10 5 2 1 0.25 0.10 0.05",
            "GBP", "50 20 10 5 2 1 0.50 0.20 0.10 0.05 0.02 0.01",
            "RUB", "5000 2000 1000 500 200 100 50 10 5 2 1",
            "CHF", "1000 200 100 50 20 10 5 2 1 0.50 0.20 0.10 0.05",
            "AUD", "100 50 20 10 5 2 1 0.50 0.20 0.10 0.05");

    private final Currency currency;
    private final List<BigDecimal> values;

    private Denominations(Currency currency, List<BigDecimal> values) {
        this.currency = currency;
        this.values = List.copyOf(values);
    }

    /**
     * The configured denominations, or this currency's usual ones when none are configured. A
     * currency without defaults is counted in one line, the total.
     */
    public static Denominations of(Currency currency, List<BigDecimal> configured) {
        List<BigDecimal> values = new ArrayList<>();
        if (configured != null && !configured.isEmpty()) {
            values.addAll(configured);
        } else if (DEFAULTS.containsKey(currency.getCurrencyCode())) {
            for (String text : DEFAULTS.get(currency.getCurrencyCode()).split(" ")) {
                values.add(new BigDecimal(text));
            }
        }
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        List<BigDecimal> scaled = values.stream()
                .map(v -> v.setScale(Math.max(scale, v.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY))
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        return new Denominations(currency, scaled);
    }

    public Currency currency() {
        return currency;
    }

    /** Largest first; empty when the drawer is counted as one total. */
    public List<BigDecimal> values() {
        return values;
    }
}
