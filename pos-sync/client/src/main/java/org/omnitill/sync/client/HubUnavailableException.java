package org.omnitill.sync.client;

/** The hub could not be reached or did not answer as the protocol says. The till keeps working. */
public class HubUnavailableException extends Exception {

    public HubUnavailableException(String message) {
        super(message);
    }

    public HubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
