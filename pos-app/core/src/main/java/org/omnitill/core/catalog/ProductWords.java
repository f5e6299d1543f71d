package org.omnitill.core.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words search matches on: lower case, accents removed ("Martín" matches "martin"), split on
 * anything that is not a letter or a digit. The same rule indexes names and reads queries.
 */
public final class ProductWords {

    public static final int MAX_WORD = 64;

    private ProductWords() {
    }

    /** The distinct words of a product name or a query, in order. */
    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(cut(word));
                word.setLength(0);
            }
            i += Character.charCount(c);
        }
        if (!word.isEmpty()) {
            words.add(cut(word));
        }
        return new ArrayList<>(words);
    }

    private static String cut(StringBuilder word) {
        return word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word.toString();
    }
}
