package org.omnitill.desktop;

import java.nio.file.Path;

/** Points Logback at the data directory; called once, before the first logger is created. */
final class Logging {

    static final String LOG_DIR_PROPERTY = "omnitill.log.dir";

    private Logging() {
    }

    static void useDirectory(Path logs) {
        System.setProperty(LOG_DIR_PROPERTY, logs.toAbsolutePath().toString());
    }
}
