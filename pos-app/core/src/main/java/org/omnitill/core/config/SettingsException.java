package org.omnitill.core.config;

/** Settings that cannot be read or written; the message says which file and what to do. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
