package org.omnitill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TillSettings(
        String storeName,
        String currency,
        String tillCode,
        String language,
        String hubUrl,
        String receiptPrinter) {

    public TillSettings {
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tillCode, "tillCode");
        Currency.getInstance(currency); // fails on an unknown code
        language = blankToNull(language);
        hubUrl = blankToNull(hubUrl);
        receiptPrinter = blankToNull(receiptPrinter);
    }

    /** The settings of a till that was never configured. */
    public static TillSettings defaults() {
        return new TillSettings("My Store", "EUR", "T01", null, null, null);
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
        return new TillSettings(value, currency, tillCode, language, hubUrl, receiptPrinter);
    }

    public TillSettings withLanguage(String value) {
        return new TillSettings(storeName, currency, tillCode, value, hubUrl, receiptPrinter);
    }

    public TillSettings withHubUrl(String value) {
        return new TillSettings(storeName, currency, tillCode, language, value, receiptPrinter);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
