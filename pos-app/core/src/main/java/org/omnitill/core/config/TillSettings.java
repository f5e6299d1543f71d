package org.omnitill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.tax.TaxMode;
import org.omnitill.core.tax.TaxRounding;

/**
 * A till's settings, saved as JSON in its data directory. Immutable: a change is a new value
 * saved through {@link SettingsStore}.
 *
 * @param storeName      shown on the screens and, later, on receipts
 * @param currency       ISO 4217 code of the store's currency
 * @param tillCode       this till's short name within its store, e.g. {@code T01}
 * @param language       language tag for the user interface; {@code null} follows the OS locale
 * @param hubUrl         the hub this till syncs with; {@code null} when none is configured
 * @param receiptPrinter connection string of the receipt printer; {@code null} when none is configured
 * @param taxMode        whether shelf prices include tax
 * @param taxRounding    where tax is rounded
 * @param cashRounding   the step cash payments are rounded to (0 for none; 0.05, 0.10 or 1.00)
 * @param taxRates       the tax codes products may use, e.g. STD, RED, ZERO
 * @param receiptHeader  lines printed under the store name on receipts (address, tax id)
 * @param feedbackUrl    link printed as a QR code on receipts; {@code null} for none
 * @param office         staff, drawer and cash office rules; defaults when absent
 * @param hardware       scanners, customer display and cash drawer; defaults when absent
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TillSettings(
        String storeName,
        String currency,
        String tillCode,
        String language,
        String hubUrl,
        String receiptPrinter,
        TaxMode taxMode,
        TaxRounding taxRounding,
        BigDecimal cashRounding,
        List<TaxRate> taxRates,
        List<String> receiptHeader,
        String feedbackUrl,
        OfficeSettings office,
        HardwareSettings hardware) {

    /** The steps cash may be rounded to. */
    public static final List<BigDecimal> CASH_ROUNDING_STEPS = List.of(
            BigDecimal.ZERO, new BigDecimal("0.05"), new BigDecimal("0.10"), new BigDecimal("1.00"));

    public TillSettings {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tillCode, "tillCode");
        Currency.getInstance(currency); // fails on an unknown code
        if (!tillCode.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("tillCode must be 1 to 8 letters or digits, not '" + tillCode + "'");
        }
        language = blankToNull(language);
        hubUrl = blankToNull(hubUrl);
        receiptPrinter = blankToNull(receiptPrinter);
        feedbackUrl = blankToNull(feedbackUrl);
        taxMode = taxMode == null ? TaxMode.INCLUSIVE : taxMode;
        taxRounding = taxRounding == null ? TaxRounding.PER_LINE : taxRounding;
        cashRounding = cashRounding == null ? BigDecimal.ZERO : cashRounding;
        BigDecimal step = cashRounding;
        if (CASH_ROUNDING_STEPS.stream().noneMatch(allowed -> allowed.compareTo(step) == 0)) {
            throw new IllegalArgumentException("cashRounding must be one of 0, 0.05, 0.10, 1.00, not " + cashRounding);
        }
        taxRates = taxRates == null || taxRates.isEmpty() ? defaultTaxRates() : List.copyOf(taxRates);
        receiptHeader = receiptHeader == null ? List.of() : List.copyOf(receiptHeader);
        office = office == null ? OfficeSettings.defaults() : office;
        hardware = hardware == null ? HardwareSettings.defaults() : hardware;
    }

    /** Settings without hardware beyond the receipt printer (the defaults: wedge scanner, window display, no drawer). */
    public TillSettings(String storeName, String currency, String tillCode, String language, String hubUrl,
                        String receiptPrinter, TaxMode taxMode, TaxRounding taxRounding, BigDecimal cashRounding,
                        List<TaxRate> taxRates, List<String> receiptHeader, String feedbackUrl, OfficeSettings office) {
        this(storeName, currency, tillCode, language, hubUrl, receiptPrinter, taxMode, taxRounding, cashRounding, taxRates,
                receiptHeader, feedbackUrl, office, null);
    }

    /** The settings of a till that was never configured. */
    public static TillSettings defaults() {
        return new TillSettings("My Store", "EUR", "T01", null, null, null, null, null, null, null, null, null, null);
    }

    private static List<TaxRate> defaultTaxRates() {
        return List.of(new TaxRate("STD", "Standard rate", new BigDecimal("21")),
                new TaxRate("RED", "Reduced rate", new BigDecimal("10")),
                new TaxRate("ZERO", "Zero rate", BigDecimal.ZERO));
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    /** The configured UI locale, or empty to follow the OS. */
    public Optional<Locale> locale() {
        return Optional.ofNullable(language).map(Locale::forLanguageTag);
    }

    public Optional<String> hub() {
        return Optional.ofNullable(hubUrl);
    }

    public Optional<String> printer() {
        return Optional.ofNullable(receiptPrinter);
    }

    public TillSettings withStoreName(String value) {
        return new TillSettings(value, currency, tillCode, language, hubUrl, receiptPrinter, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withLanguage(String value) {
        return new TillSettings(storeName, currency, tillCode, value, hubUrl, receiptPrinter, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withHubUrl(String value) {
        return new TillSettings(storeName, currency, tillCode, language, value, receiptPrinter, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withReceiptPrinter(String value) {
        return new TillSettings(storeName, currency, tillCode, language, hubUrl, value, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withTax(TaxMode mode, TaxRounding rounding, List<TaxRate> rates) {
        return new TillSettings(storeName, currency, tillCode, language, hubUrl, receiptPrinter, mode, rounding,
                cashRounding, rates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withCashRounding(BigDecimal step) {
        return new TillSettings(storeName, currency, tillCode, language, hubUrl, receiptPrinter, taxMode, taxRounding,
                step, taxRates, receiptHeader, feedbackUrl, office, hardware);
    }

    public TillSettings withOffice(OfficeSettings value) {
        return new TillSettings(storeName, currency, tillCode, language, hubUrl, receiptPrinter, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, value, hardware);
    }

    public TillSettings withHardware(HardwareSettings value) {
        return new TillSettings(storeName, currency, tillCode, language, hubUrl, receiptPrinter, taxMode, taxRounding,
                cashRounding, taxRates, receiptHeader, feedbackUrl, office, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
