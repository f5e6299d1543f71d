package org.omnitill.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.List;
import org.omnitill.sync.protocol.ApiPaths;
import org.omnitill.sync.protocol.ChangePage;
import org.omnitill.sync.protocol.EnrolRequest;
import org.omnitill.sync.protocol.EnrolResponse;
import org.omnitill.sync.protocol.HealthStatus;
import org.omnitill.sync.protocol.Json;
import org.omnitill.sync.protocol.Problem;
import org.omnitill.sync.protocol.PushRequest;
import org.omnitill.sync.protocol.PushResponse;
import org.omnitill.sync.protocol.PushedDocument;

/**
 * The till's HTTP client for one hub. Every call has a timeout, so a hub that hangs costs the
 * caller (always a background thread) at most that long.
 */
public final class HubClient {

    private final URI baseUri;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = Json.newMapper();

    public HubClient(URI baseUri, Duration timeout) {
        this(baseUri, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
    }

    HubClient(URI baseUri, HttpClient http, Duration timeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("The hub address must start with http:// or https://, not " + baseUri);
        }
        this.baseUri = baseUri;
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Asks the hub whether it is up. */
    public HealthStatus health() throws HubUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(resolve(ApiPaths.HEALTH))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new HubUnavailableException("hub answered HTTP " + response.statusCode() + " to " + request.uri());
        }
        try {
            return json.readValue(response.body(), HealthStatus.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HubUnavailableException("hub sent an unreadable health answer from " + request.uri(), e);
        }
    }

    /** Trades a one-time enrolment code for this till's identity and token. */
    public EnrolResponse enrol(String code) throws HubUnavailableException, HubRefusedException {
        HttpRequest request = post(ApiPaths.ENROL, null, new EnrolRequest(code));
        return read(call(request), EnrolResponse.class, request);
    }

    /** Pushes documents; the answer has one result per document, in order. */
    public PushResponse push(String token, List<PushedDocument> documents)
            throws HubUnavailableException, HubRefusedException {
        HttpRequest request = post(ApiPaths.DOCUMENTS, token, new PushRequest(documents));
        PushResponse response = read(call(request), PushResponse.class, request);
        if (response.results() == null || response.results().size() != documents.size()) {
            throw new HubUnavailableException("hub answered " + (response.results() == null ? 0 : response.results().size())
                    + " results for " + documents.size() + " documents");
        }
        return response;
    }

    /** The page of the change feed after {@code cursor}. */
    public ChangePage changes(String token, long cursor, int limit) throws HubUnavailableException, HubRefusedException {
        HttpRequest request = HttpRequest.newBuilder(resolve(ApiPaths.CHANGES + "?after=" + cursor + "&limit=" + limit))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return read(call(request), ChangePage.class, request);
    }

    private HttpRequest post(String path, String token, Object body) throws HubUnavailableException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new HubUnavailableException("cannot write the request as JSON", e);
        }
    }

    private HttpResponse<String> call(HttpRequest request) throws HubUnavailableException, HubRefusedException {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String detail = problemDetail(response.body());
        if (status >= 400 && status < 500) {
            throw new HubRefusedException(status, "hub refused " + request.method() + " " + request.uri().getPath()
                    + " with HTTP " + status + (detail == null ? "" : ": " + detail));
        }
        throw new HubUnavailableException("hub answered HTTP " + status + " to " + request.method() + " "
                + request.uri().getPath() + (detail == null ? "" : ": " + detail));
    }

    private String problemDetail(String body) {
        try {
            Problem problem = json.readValue(body, Problem.class);
            return problem == null ? null : problem.detail();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private <T> T read(HttpResponse<String> response, Class<T> type, HttpRequest request) throws HubUnavailableException {
        try {
            T value = json.readValue(response.body(), type);
            if (value == null) {
                throw new HubUnavailableException("hub sent an empty answer to " + request.uri().getPath());
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new HubUnavailableException("hub sent an unreadable answer to " + request.uri().getPath(), e);
        }
    }

    private URI resolve(String path) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws HubUnavailableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HubUnavailableException("hub not reachable at " + baseUri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubUnavailableException("interrupted while calling the hub at " + baseUri, e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
