package org.omnitill.core.cash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.omnitill.core.money.Money;

/**
 * A drawer counted by denomination: how many of each note and coin. Counts are whole and never
 * negative; {@link #parse} turns what was typed into a count or says exactly which entry is wrong.
 */
public final class CashCount {

    /** One denomination's count. */
    public record Line(BigDecimal denomination, int count) {
    }

    /** Upper bound per denomination: a typing slip, not a drawer. */
    public static final int MAX_PIECES = 100_000;

    private final Denominations denominations;
    private final List<Line> lines;
    private final Money total;

    private CashCount(Denominations denominations, List<Line> lines, Money total) {
        this.denominations = denominations;
        this.lines = List.copyOf(lines);
        this.total = total;
    }

    /**
     * Reads the typed counts, keyed by denomination; a blank or missing entry counts as none. When the
     * currency has no denominations, the single entry keyed {@code null} is the amount counted.
     *
     * @throws CashException with every wrong entry named, when any is not a whole number from 0 to
     *                       {@value #MAX_PIECES}
     */
    public static CashCount parse(Denominations denominations, Map<BigDecimal, String> typed) {
        List<String> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        if (denominations.values().isEmpty()) {
            String text = typed.get(null);
            BigDecimal amount = BigDecimal.ZERO;
            if (text != null && !text.isBlank()) {
                try {
                    amount = new BigDecimal(text.strip());
                    if (amount.signum() < 0) {
                        problems.add("the amount counted cannot be negative");
                    }
                } catch (NumberFormatException e) {
                    problems.add("'" + text.strip() + "' is not an amount");
                }
            }
            if (!problems.isEmpty()) {
                throw new CashException(CashException.Code.BAD_COUNT, String.join("; ", problems));
            }
            return new CashCount(denominations, List.of(), Money.of(amount, denominations.currency()));
        }
        for (BigDecimal value : denominations.values()) {
            String text = find(typed, value);
            int count = 0;
            if (text != null && !text.isBlank()) {
                String t = text.strip();
                if (!t.matches("-?\\d{1,9}")) {
                    problems.add("'" + t + "' is not a whole number (" + value.toPlainString() + ")");
                    continue;
                }
                long parsed = Long.parseLong(t);
                if (parsed < 0) {
                    problems.add("a count cannot be negative (" + value.toPlainString() + ": " + t + ")");
                    continue;
                }
                if (parsed > MAX_PIECES) {
                    problems.add(t + " pieces of " + value.toPlainString() + " is more than a drawer holds");
                    continue;
                }
                count = (int) parsed;
            }
            lines.add(new Line(value, count));
        }
        for (BigDecimal key : typed.keySet()) {
            if (key == null || denominations.values().stream().noneMatch(v -> v.compareTo(key) == 0)) {
                problems.add("there is no " + (key == null ? "blank" : key.toPlainString()) + " denomination in "
                        + denominations.currency().getCurrencyCode());
            }
        }
        if (!problems.isEmpty()) {
            throw new CashException(CashException.Code.BAD_COUNT, String.join("; ", problems));
        }
        return of(denominations, lines);
    }

    /** A count from whole numbers, e.g. what was stored. */
    public static CashCount of(Denominations denominations, List<Line> lines) {
        Money total = Money.zero(denominations.currency());
        for (Line line : lines) {
            if (line.count() < 0) {
                throw new CashException(CashException.Code.BAD_COUNT, "a count cannot be negative");
            }
            total = total.plus(Money.of(line.denomination().multiply(BigDecimal.valueOf(line.count())),
                    denominations.currency()));
        }
        return new CashCount(denominations, lines, total);
    }

    private static String find(Map<BigDecimal, String> typed, BigDecimal value) {
        for (Map.Entry<BigDecimal, String> e : typed.entrySet()) {
            if (e.getKey() != null && e.getKey().compareTo(value) == 0) {
                return e.getValue();
            }
        }
        return null;
    }

    public List<Line> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public Denominations denominations() {
        return denominations;
    }

    /** Denomination (plain text) to count, for documents and storage; only non-zero counts. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.count() != 0) {
                map.put(line.denomination().toPlainString(), line.count());
            }
        }
        if (lines.isEmpty()) {
            map.put("amount", total.amount().toPlainString());
        }
        return map;
    }
}
