package org.omnitill.sync.protocol;

/** The paths of the hub's HTTP API, shared by the hub and the till so that neither spells them twice. */
public final class ApiPaths {

    /** The protocol version every path below belongs to. */
    public static final String VERSION = "v1";

    /** Liveness and version of a hub: no credential needed. */
    public static final String HEALTH = "/health";

    /** Root of the versioned API. */
    public static final String API_ROOT = "/api/" + VERSION;

    private ApiPaths() {
    }
}
