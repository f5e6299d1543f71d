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
import org.omnitill.sync.protocol.ApiPaths;
import org.omnitill.sync.protocol.HealthStatus;
import org.omnitill.sync.protocol.Json;

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
