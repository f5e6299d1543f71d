package org.omnitill.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductWordsTest {

    @Test
    void foldsCaseAndAccentsAndSplitsOnPunctuation() {
        assertThat(ProductWords.of("Horno San Martín Pan de Molde 500 g")).containsExactly("horno", "san", "martin", "pan", "de", "molde", "500", "g");
        assertThat(ProductWords.of("Olive-Oil, Extra Virgin (1 L)")).containsExactly("olive", "oil", "extra", "virgin", "1", "l");
        assertThat(ProductWords.of("Сыр Российский 45%")).containsExactly("сыр", "россиискии", "45");
    }

    @Test
    void repeatsAreIndexedOnce() {
        assertThat(ProductWords.of("Tea tea TEA")).containsExactly("tea");
    }

    @Test
    void nothingToIndexInBlankText() {
        assertThat(ProductWords.of("  ")).isEmpty();
        assertThat(ProductWords.of(null)).isEmpty();
    }
}
