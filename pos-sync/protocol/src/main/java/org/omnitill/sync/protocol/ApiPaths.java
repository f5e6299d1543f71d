package org.omnitill.sync.protocol;

/** The paths of the hub's HTTP API, shared by the hub and the till so that neither spells them twice. */
public final class ApiPaths {

    /** The protocol version every path below belongs to. */
    public static final String VERSION = "v1";

    /** Liveness and version of a hub: no credential needed. */
    public static final String HEALTH = "/health";

    /** Prometheus metrics: no credential needed (keep the port private or behind the proxy). */
    public static final String METRICS = "/metrics";

    /** Root of the versioned API. */
    public static final String API_ROOT = "/api/" + VERSION;

    /** The OpenAPI description of everything under {@link #API_ROOT}. */
    public static final String OPENAPI = API_ROOT + "/openapi.json";

    /** A till trades its one-time enrolment code for a device token ({@link EnrolRequest}). */
    public static final String ENROL = API_ROOT + "/enrol";

    /** A till pushes documents from its outbox ({@link PushRequest}). */
    public static final String DOCUMENTS = API_ROOT + "/documents";

    /** A till pulls the change feed: {@code ?after=CURSOR&limit=N} ({@link ChangePage}). */
    public static final String CHANGES = API_ROOT + "/changes";

    /** Root of the admin API (HTTP Basic, admin users). */
    public static final String ADMIN = API_ROOT + "/admin";

    /** The most documents one push may carry. */
    public static final int MAX_BATCH = 500;

    /** The most changes one pull may ask for. */
    public static final int MAX_PAGE = 5_000;

    private ApiPaths() {
    }
}
