package org.omnitill.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void aTillNeverConfiguredGetsTheDefaults() {
        TillSettings settings = new SettingsStore(dir.resolve("settings.json")).load();

        assertThat(settings).isEqualTo(TillSettings.defaults());
        assertThat(settings.hub()).isEmpty();
        assertThat(settings.printer()).isEmpty();
        assertThat(settings.locale()).isEmpty();
    }

    @Test
    void savedSettingsComeBackTheSame() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        TillSettings saved = TillSettings.defaults().withStoreName("Tienda Sol").withLanguage("es").withHubUrl("https://hub.example");

        store.save(saved);

        TillSettings loaded = store.load();
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.locale()).contains(Locale.forLanguageTag("es"));
    }

    @Test
    void aCorruptFileIsReportedWithItsPathAndLeftAlone() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"storeName\": ");

        assertThatThrownBy(() -> new SettingsStore(file).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid");
        assertThat(Files.readString(file)).isEqualTo("{ \"storeName\": ");
    }

    @Test
    void anUnknownCurrencyIsAnInvalidFile() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"storeName\":\"X\",\"currency\":\"XXQ\",\"tillCode\":\"T1\"}");

        assertThatThrownBy(() -> new SettingsStore(file).load()).isInstanceOf(SettingsException.class);
    }
}
