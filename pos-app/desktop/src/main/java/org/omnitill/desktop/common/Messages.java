package org.omnitill.desktop.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every user-facing string of the till, from the {@code messages} resource bundle (English,
 * Spanish, Russian). Numbers and dates inside messages are formatted for the same locale.
 */
public final class Messages {

    public static final String BUNDLE = "org.omnitill.desktop.i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; a missing key shows as {@code !key!} so it is seen, not hidden. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}} ... filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}
