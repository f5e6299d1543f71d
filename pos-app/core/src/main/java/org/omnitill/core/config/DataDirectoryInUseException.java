package org.omnitill.core.config;

/** Another till process already uses this data directory. */
public final class DataDirectoryInUseException extends IllegalStateException {

    private final transient DataDirectory directory;

    public DataDirectoryInUseException(DataDirectory directory) {
        super("Another Omnitill till is already running on the data directory " + directory.root()
                + ". Close that till first, or start this one with --data-dir pointing elsewhere.");
        this.directory = directory;
    }

    public DataDirectory directory() {
        return directory;
    }
}
