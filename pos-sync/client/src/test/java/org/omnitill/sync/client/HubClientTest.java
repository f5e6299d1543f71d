package org.omnitill.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.sync.protocol.HealthStatus;

class HubClientTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void readsTheHealthOfARunningHub() throws Exception {
        URI uri = serve(200, "{\"status\":\"UP\",\"service\":\"omnitill-hub\",\"version\":\"0.1.0\",\"protocol\":\"v1\",\"extra\":1}");

        HealthStatus health = new HubClient(uri, Duration.ofSeconds(2)).health();

        assertThat(health.isUp()).isTrue();
        assertThat(health.protocol()).isEqualTo("v1");
    }

    @Test
    void reportsAHubWhoseDatabaseIsDownAsDown() throws Exception {
        URI uri = serve(503, "{\"status\":\"DOWN\",\"service\":\"omnitill-hub\",\"version\":\"0.1.0\",\"protocol\":\"v1\"}");

        assertThat(new HubClient(uri, Duration.ofSeconds(2)).health().isUp()).isFalse();
    }

    @Test
    void aGarbledAnswerIsAnUnavailableHubNotACrash() throws Exception {
        URI uri = serve(200, "<html>proxy error</html>");

        assertThatThrownBy(() -> new HubClient(uri, Duration.ofSeconds(2)).health())
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void aHubThatIsNotListeningIsUnavailable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        HubClient client = new HubClient(URI.create("http://127.0.0.1:" + freePort), Duration.ofSeconds(2));

        assertThatThrownBy(client::health)
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("not reachable");
    }

    @Test
    void refusesAnAddressThatIsNotHttp() {
        assertThatThrownBy(() -> new HubClient(URI.create("ftp://hub.example"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
    }
}
