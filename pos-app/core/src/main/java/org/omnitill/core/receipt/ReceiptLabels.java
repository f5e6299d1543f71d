package org.omnitill.core.receipt;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The receipt's wording in the receipt's language ({@code receipt*.properties} beside this class):
 * English, Spanish and Russian. A language without its own file gets English, never the JVM's default
 * language, so a till's receipts do not change with the machine they run on.
 */
final class ReceiptLabels {

    private static final String BUNDLE = "org.omnitill.core.receipt.receipt";

    private final ResourceBundle bundle;

    private ReceiptLabels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static ReceiptLabels of(Locale locale) {
        return new ReceiptLabels(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
