package org.omnitill.core.hardware;

import java.util.regex.Pattern;

/**
 * Recognises payment card data that a magnetic stripe reader in keyboard or serial mode may send
 * where a barcode was expected (track 1 {@code %B4111...^NAME^...}, track 2 {@code ;4111...=...}).
 * Such input is never shown, logged or looked up: the till records at most a card's last four
 * digits, and only from the card terminal.
 */
public final class CardData {

    private static final Pattern TRACK = Pattern.compile("^(%?[Bb]\\d{12,19}\\^|;?\\d{12,19}=).*", Pattern.DOTALL);

    private CardData() {
    }

    public static boolean looksLikeCardData(String input) {
        return input != null && TRACK.matcher(input.strip()).matches();
    }
}
