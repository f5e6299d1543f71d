package org.omnitill.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        String name = "/" + Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest(name = "the {0} bundle has every English key and no others")
    @ValueSource(strings = {"_es", "_ru"})
    void everyLanguageHasEveryKey(String suffix) throws IOException {
        assertThat(bundle(suffix).stringPropertyNames()).isEqualTo(bundle("").stringPropertyNames());
    }

    @Test
    void choosesTheLanguageOfTheLocale() {
        assertThat(new Messages(Locale.forLanguageTag("es-ES")).get("login.signIn")).isEqualTo("Entrar");
        assertThat(new Messages(Locale.forLanguageTag("ru-RU")).get("login.signIn")).isEqualTo("Войти");
        assertThat(new Messages(Locale.ENGLISH).get("login.signIn")).isEqualTo("Sign in");
    }

    @Test
    void aLanguageWithoutTranslationFallsBackToEnglishNotToTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));
            assertThat(new Messages(Locale.GERMAN).get("login.signIn")).isEqualTo("Sign in");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatsCountsPerLanguage() {
        assertThat(new Messages(Locale.ENGLISH).format("sell.items", 1)).isEqualTo("1 item");
        assertThat(new Messages(Locale.ENGLISH).format("sell.items", 1200)).isEqualTo("1,200 items");
        assertThat(new Messages(Locale.forLanguageTag("es")).format("sell.items", 3)).isEqualTo("3 artículos");
    }

    @Test
    void aMissingKeyIsVisibleNotBlank() {
        assertThat(new Messages(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
