package org.omnitill.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.omnitill.core.config.TillSettings;
import org.omnitill.desktop.TestTill;

class StatusViewModelTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private HttpServer hub;

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.stop(0);
        }
    }

    private StatusViewModel status(TillSettings settings) {
        return new StatusViewModel(settings, false, TestTill.english(), TestTill.directTasks(), NOON);
    }

    @Test
    void aTillWithoutHubOrPrinterSaysNotConfigured() {
        StatusViewModel status = status(TillSettings.defaults());
        status.refreshHub();

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.NOT_CONFIGURED);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: not configured");
        assertThat(status.printerTextProperty().get()).isEqualTo("Printer: not configured");
        assertThat(status.userTextProperty().get()).isEqualTo("Nobody signed in");
        assertThat(status.tillTextProperty().get()).isEqualTo("My Store · till T01");
        assertThat(status.clockTextProperty().get()).startsWith("11/22/26, 12:00").endsWith("PM");
    }

    @Test
    void aReachableHubShowsOnline() throws Exception {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"service\":\"omnitill-hub\",\"version\":\"t\",\"protocol\":\"v1\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hub.start();
        StatusViewModel status = status(TillSettings.defaults()
                .withHubUrl("http://127.0.0.1:" + hub.getAddress().getPort()));
        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.CHECKING);

        status.refreshHub();

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.ONLINE);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: online");
    }

    @Test
    void anUnreachableHubShowsOffline() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        StatusViewModel status = status(TillSettings.defaults().withHubUrl("http://127.0.0.1:" + closedPort));

        status.refreshHub();

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.OFFLINE);
    }

    @Test
    void anUnusableHubAddressIsOfflineNotACrash() {
        StatusViewModel status = status(TillSettings.defaults().withHubUrl("hub.example:8085"));

        status.refreshHub();

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.OFFLINE);
    }

    @Test
    void showsWhoIsSignedIn() {
        StatusViewModel status = status(TillSettings.defaults());

        status.signedIn("Alex Romero");
        assertThat(status.userTextProperty().get()).isEqualTo("Alex Romero");
        status.signedOut();
        assertThat(status.userTextProperty().get()).isEqualTo("Nobody signed in");
    }
}
