package org.omnitill.sync.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * What {@code GET /health} answers.
 *
 * @param status   {@code UP} when the hub can reach its database, {@code DOWN} otherwise
 * @param service  always {@code omnitill-hub}
 * @param version  the hub's build version
 * @param protocol the sync protocol version the hub speaks, e.g. {@code v1}
 */
public record HealthStatus(String status, String service, String version, String protocol) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public HealthStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(protocol, "protocol");
    }

    @JsonIgnore
    public boolean isUp() {
        return UP.equals(status);
    }
}
