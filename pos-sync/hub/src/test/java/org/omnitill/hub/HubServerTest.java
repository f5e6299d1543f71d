package org.omnitill.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubServerTest {

    private HubDatabase database;
    private HubServer server;

    @BeforeEach
    void startHubOnARandomPort() {
        database = HubDatabase.open("jdbc:h2:mem:hub-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        server = new HubServer(database, "test").start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void healthAnswersUpOverRealHttp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(
                "{\"status\":\"UP\",\"service\":\"omnitill-hub\",\"version\":\"test\",\"protocol\":\"v1\"}");
    }

    @Test
    void healthAnswersDownWhenTheDatabaseIsGone() throws Exception {
        database.close();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void migratesTheHubSchemaOnOpen() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(names).contains("store", "till", "flyway_schema_history");
        }
    }

    @Test
    void refusesADatabaseItCannotOpenWithAClearMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HubDatabase.open("jdbc:oracle:thin:@x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H2");
    }
}
