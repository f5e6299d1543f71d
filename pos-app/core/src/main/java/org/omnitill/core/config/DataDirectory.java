package org.omnitill.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a till keeps its database, settings and logs.
 *
 * <p>The default follows each operating system's convention: {@code $XDG_DATA_HOME/omnitill}
 * (falling back to {@code ~/.local/share/omnitill}) on Linux and other Unixes,
 * {@code %APPDATA%\Omnitill} on Windows and {@code ~/Library/Application Support/Omnitill} on
 * macOS. Demo mode gets a directory of its own beside it, so trying the demo never touches a
 * real store's data.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path database() {
        return root.resolve("db");
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path lockFile() {
        return root.resolve("till.lock");
    }

    /** The default for this machine, from the real environment. */
    public static DataDirectory platformDefault(boolean demo) {
        return platformDefault(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")), demo);
    }

    /** The default for the given OS name, environment and home directory (pure, for tests). */
    public static DataDirectory platformDefault(String osName, Map<String, String> env, Path home, boolean demo) {
        String os = osName.toLowerCase(Locale.ROOT);
        String leaf;
        Path base;
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            base = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            leaf = "Omnitill";
        } else if (os.startsWith("mac")) {
            base = home.resolve("Library").resolve("Application Support");
            leaf = "Omnitill";
        } else {
            String xdg = env.get("XDG_DATA_HOME");
            // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
            base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
            leaf = "omnitill";
        }
        return new DataDirectory(base.resolve(demo ? leaf + "-demo" : leaf));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
