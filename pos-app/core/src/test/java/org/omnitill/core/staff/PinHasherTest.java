package org.omnitill.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinHasherTest {

    private final PinHasher hasher = new PinHasher(1_000, new SecureRandom());

    @Test
    void theRightPinMatchesAndAWrongOneDoesNot() {
        String stored = hasher.hash("4821".toCharArray());

        assertThat(hasher.matches("4821".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("4822".toCharArray(), stored)).isFalse();
    }

    @Test
    void thePinIsNeverPartOfTheStoredValueAndEachHashIsSalted() {
        String first = hasher.hash("4821".toCharArray());
        String second = hasher.hash("4821".toCharArray());

        assertThat(first).doesNotContain("4821").startsWith("pbkdf2-sha256$1000$");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aStoredValueItCannotReadNeverMatches() {
        assertThat(hasher.matches("1234".toCharArray(), "1234")).isFalse();
        assertThat(hasher.matches("1234".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.matches("1234".toCharArray(), null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "123456789", "12a4", "12 4"})
    void onlyFourToEightDigitsAreAPin(String pin) {
        assertThat(PinHasher.isWellFormed(pin.toCharArray())).isFalse();
        assertThatThrownBy(() -> hasher.hash(pin.toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultCostFollowsOwasp() {
        assertThat(PinHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }
}
