package org.omnitill.core.hardware;

import java.io.IOException;

/** A device did not take bytes or answer within its time limit; the link was closed. */
public final class DeviceTimeoutException extends IOException {

    public DeviceTimeoutException(String message) {
        super(message);
    }

    public DeviceTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
