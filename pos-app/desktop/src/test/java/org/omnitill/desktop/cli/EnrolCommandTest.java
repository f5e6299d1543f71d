package org.omnitill.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.hub.TestDatabases;
import org.omnitill.hub.TestHub;
import picocli.CommandLine;

class EnrolCommandTest {

    @TempDir
    Path dir;
    private TestHub hub;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void hubWithATill() {
        hub = new TestHub(TestDatabases.Engine.H2);
        hub.store("S1", "EUR");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int enrol(String url, String code) {
        CommandLine cli = new CommandLine(new org.omnitill.desktop.OmnitillCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute("--data-dir", dir.toString(), "--demo", "enrol", "--hub", url, code);
    }

    @Test
    void enrolsTheTillAndSavesTheHubAddress() throws Exception {
        int exit = enrol(hub.url(), hub.till("S1", "T01"));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("enrolled: till T01 of store S1 at " + hub.url());
        try (var files = Files.walk(dir)) {
            Path settings = files.filter(p -> p.getFileName().toString().equals("settings.json")).findFirst().orElseThrow();
            assertThat(Files.readString(settings)).contains(hub.url());
        }
    }

    @Test
    void aWrongCodeIsRefusedWithTheHubsReason() {
        int exit = enrol(hub.url(), "AAAA-BBBB-CCCC");

        assertThat(exit).isEqualTo(EnrolCommand.REFUSED);
        assertThat(err.toString()).contains("not valid");
    }

    @Test
    void anUnreachableHubSaysSoAndKeepsTheCodeUsable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String code = hub.till("S1", "T01");

        int exit = enrol("http://127.0.0.1:" + closedPort, code);
        int retry = enrol(hub.url(), code);

        assertThat(exit).isEqualTo(EnrolCommand.UNREACHABLE);
        assertThat(err.toString()).contains("not reachable", "the code is still valid");
        assertThat(retry).isZero();
    }
}
