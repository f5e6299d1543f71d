package org.omnitill.hub;

/**
 * A client's mistake or a refusal, answered with this HTTP status and a reason; never a 500.
 * The server maps it to a {@link org.omnitill.sync.protocol.Problem} body.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", detail);
    }

    /** An all-or-nothing request refused: every problem found, in one 400. */
    public static ApiException nothingSaved(java.util.List<String> problems) {
        return badRequest("nothing was saved: " + String.join("; ", problems));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
