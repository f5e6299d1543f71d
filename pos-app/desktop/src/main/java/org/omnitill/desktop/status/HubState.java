package org.omnitill.desktop.status;

/** What the till knows about its hub connection. */
public enum HubState {
    /** No hub address in the settings: the till works alone. */
    NOT_CONFIGURED,
    /** A hub is configured and the first check has not answered yet. */
    CHECKING,
    ONLINE,
    OFFLINE
}
