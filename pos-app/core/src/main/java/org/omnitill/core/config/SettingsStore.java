package org.omnitill.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link TillSettings} as JSON, replacing the file atomically on save. */
public final class SettingsStore {

    private final Path file;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The saved settings, or the defaults when none were saved yet.
     *
     * @throws SettingsException when the file exists but cannot be read; it is left as it is
     */
    public TillSettings load() {
        if (!Files.exists(file)) {
            return TillSettings.defaults();
        }
        try {
            TillSettings settings = json.readValue(file.toFile(), TillSettings.class);
            if (settings == null) {
                throw new SettingsException("The settings file " + file + " is empty. Fix or delete it.", null);
            }
            return settings;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new SettingsException("The settings file " + file + " is not valid (" + firstLine(e)
                    + "). Fix it or move it away to start from defaults.", e);
        } catch (IOException e) {
            throw new SettingsException("The settings file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Saves the settings; a crash mid-save leaves the previous file intact. */
    public void save(TillSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try {
                json.writeValue(temp.toFile(), settings);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SettingsException("The settings could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
