package org.omnitill.sync.client;

/**
 * The hub answered, and said no: the request or the credential is wrong (HTTP 4xx). Sending the
 * same thing again will not help, unlike {@link HubUnavailableException}.
 */
public final class HubRefusedException extends Exception {

    private final int status;

    public HubRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The till's credential is unknown to the hub: the till must enrol again. */
    public boolean credentialRejected() {
        return status == 401;
    }

    /** The hub asks the till to slow down; a later retry is fine. */
    public boolean rateLimited() {
        return status == 429;
    }
}
