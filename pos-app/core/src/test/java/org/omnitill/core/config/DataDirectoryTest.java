package org.omnitill.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDirectory.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), home, false).root())
                .isEqualTo(Path.of("/data/xdg/omnitill"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        assertThat(DataDirectory.platformDefault("Linux", Map.of(), home, false).root())
                .isEqualTo(Path.of("/home/ana/.local/share/omnitill"));
        assertThat(DataDirectory.platformDefault("Linux", Map.of("XDG_DATA_HOME", "relative"), home, false).root())
                .isEqualTo(Path.of("/home/ana/.local/share/omnitill"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.platformDefault("Mac OS X", Map.of(), home, false).root())
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Omnitill"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.platformDefault("Windows 11", Map.of("APPDATA", "/users/ana/AppData/Roaming"), home, false)
                .root()).isEqualTo(Path.of("/users/ana/AppData/Roaming/Omnitill"));
    }

    @Test
    void demoModeGetsADirectoryOfItsOwn() {
        assertThat(DataDirectory.platformDefault("Linux", Map.of(), home, true).root())
                .isEqualTo(Path.of("/home/ana/.local/share/omnitill-demo"));
    }

    @Test
    void databaseSettingsAndLogsLiveInside() {
        DataDirectory dir = new DataDirectory(Path.of("/srv/till"));
        assertThat(dir.database()).isEqualTo(Path.of("/srv/till/db"));
        assertThat(dir.settingsFile()).isEqualTo(Path.of("/srv/till/settings.json"));
        assertThat(dir.logs()).isEqualTo(Path.of("/srv/till/logs"));
    }
}
