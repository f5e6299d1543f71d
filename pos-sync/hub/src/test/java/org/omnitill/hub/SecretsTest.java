package org.omnitill.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    private final Secrets secrets = new Secrets(new SecureRandom());

    @Test
    void enrolmentCodesAreTwelveUnambiguousCharactersInThreeGroups() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = secrets.newEnrolmentCode();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1_000);
    }

    @ParameterizedTest
    @CsvSource({
            "7KQ4-M2XD-9HBA, 7KQ4M2XD9HBA",
            "7kq4 m2xd 9hba, 7KQ4M2XD9HBA",
            "OIL0-0000-0000, 011000000000",
    })
    void aTypedCodeIsReadTheWayPeopleTypeIt(String typed, String stored) {
        assertThat(Secrets.normaliseCode(typed)).isEqualTo(stored);
    }

    @Test
    void tokensAre256RandomBitsAndOnlyTheirHashIsKept() {
        String token = secrets.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.sha256Hex(token)).hasSize(64).isNotEqualTo(token);
    }

    @Test
    void adminPasswordsAreSaltedSlowHashes() {
        PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());
        String a = hasher.hash("correct horse battery".toCharArray());
        String b = hasher.hash("correct horse battery".toCharArray());

        assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(hasher.matches("correct horse battery!".toCharArray(), a)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "plain-text")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "8414850557430, true", "8414850557431, false", "96385074, true", "96385075, false",
            "036000291452, true", "10012345678902, true", "12345, false", "84148505574X0, false",
    })
    void catalogBarcodesNeedAValidGs1CheckDigit(String code, boolean valid) {
        assertThat(CatalogCsvImport.validGtin(code)).isEqualTo(valid);
    }
}
