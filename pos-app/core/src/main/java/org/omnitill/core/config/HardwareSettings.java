package org.omnitill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The till's devices besides the receipt printer (which is {@link TillSettings#receiptPrinter()}),
 * each named by a connection string (README, "Hardware").
 *
 * @param scanners        {@code wedge} (a keyboard-wedge scanner, recognised by its timing) and/or
 *                        serial scanners such as {@code serial:/dev/ttyACM0?baud=9600&suffix=CR}; several at once
 * @param customerDisplay {@code window} (a second window), {@code serial:/dev/ttyUSB1?baud=9600} (a 2x20
 *                        pole display) or {@code none}
 * @param cashDrawer      {@code printer[?pin=2&on=100&off=200]} (kick pulse through the receipt printer) or {@code none}
 * @param wedge           how keyboard-wedge scans are told from typing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HardwareSettings(List<String> scanners, String customerDisplay, String cashDrawer, Wedge wedge) {

    /**
     * @param maxGapMillis the longest average time between the keys of a scan (from its first key to
     *                     its suffix); people type slower
     * @param holdMillis   how long typed keys are held for a possible scan after the last one; the
     *                     longest single pause inside a scan (the UI thread may stall that long)
     * @param minLength    the fewest characters a scan has (before its suffix)
     * @param suffix       what ends a scan: {@code enter} (default), {@code tab}, or one character
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Wedge(Integer maxGapMillis, Integer holdMillis, Integer minLength, String suffix) {

        public static final int DEFAULT_MAX_GAP_MILLIS = 35;
        public static final int DEFAULT_HOLD_MILLIS = 80;
        public static final int DEFAULT_MIN_LENGTH = 6;

        public Wedge {
            maxGapMillis = maxGapMillis == null ? DEFAULT_MAX_GAP_MILLIS : maxGapMillis;
            holdMillis = holdMillis == null ? DEFAULT_HOLD_MILLIS : holdMillis;
            if (holdMillis < maxGapMillis || holdMillis > 500) {
                throw new IllegalArgumentException("wedge holdMillis must be at least maxGapMillis and at most 500, not "
                        + holdMillis);
            }
            minLength = minLength == null ? DEFAULT_MIN_LENGTH : minLength;
            suffix = suffix == null || suffix.isBlank() ? "enter" : suffix.strip();
            if (maxGapMillis < 5 || maxGapMillis > 200) {
                throw new IllegalArgumentException("wedge maxGapMillis must be 5 to 200, not " + maxGapMillis);
            }
            if (minLength < 1 || minLength > 64) {
                throw new IllegalArgumentException("wedge minLength must be 1 to 64, not " + minLength);
            }
        }

        public static Wedge defaults() {
            return new Wedge(null, null, null, null);
        }
    }

    public HardwareSettings {
        scanners = scanners == null ? List.of("wedge") : scanners.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
        customerDisplay = customerDisplay == null || customerDisplay.isBlank() ? "window" : customerDisplay.strip();
        cashDrawer = cashDrawer == null || cashDrawer.isBlank() ? "none" : cashDrawer.strip();
        wedge = wedge == null ? Wedge.defaults() : wedge;
    }

    /** A keyboard-wedge scanner, the window display, no drawer. */
    public static HardwareSettings defaults() {
        return new HardwareSettings(null, null, null, null);
    }

    public boolean wedgeScanner() {
        return scanners.stream().anyMatch(s -> s.equalsIgnoreCase("wedge"));
    }

    /** The scanners that are not the keyboard wedge. */
    public List<String> serialScanners() {
        return scanners.stream().filter(s -> !s.equalsIgnoreCase("wedge")).toList();
    }

    public HardwareSettings withScanners(List<String> value) {
        return new HardwareSettings(value, customerDisplay, cashDrawer, wedge);
    }

    public HardwareSettings withCustomerDisplay(String value) {
        return new HardwareSettings(scanners, value, cashDrawer, wedge);
    }

    public HardwareSettings withCashDrawer(String value) {
        return new HardwareSettings(scanners, customerDisplay, value, wedge);
    }
}
