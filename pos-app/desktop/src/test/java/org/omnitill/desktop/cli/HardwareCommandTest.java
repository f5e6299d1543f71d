package org.omnitill.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.hardware.SerialLink;
import org.omnitill.core.hardware.SerialSettings;
import org.omnitill.desktop.OmnitillCommand;
import picocli.CommandLine;

class HardwareCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new OmnitillCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void aTestPageGoesToTheFilePrinterAndRendersToAPicture() throws Exception {
        Path bin = dir.resolve("test.bin");
        Path png = dir.resolve("test.png");

        assertThat(run("hardware", "test-print", "--printer", "file:" + bin + "?columns=48&codepage=CP858&logo=raster"))
                .isZero();
        byte[] bytes = Files.readAllBytes(bin);
        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0x1B, '@', 0x1B, 't', 19);
        assertThat(new String(bytes, "IBM00858")).contains("¡Jamón ibérico, piña y pingüino! 3,50 €");

        assertThat(run("hardware", "render", bin.toString(), "--png", png.toString(), "--columns", "48")).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(48 * 12 + 32);
        assertThat(out.toString()).contains("1 cut(s)");
    }

    @Test
    void openDrawerSendsTheKickPulse() throws Exception {
        Path bin = dir.resolve("drawer.bin");

        assertThat(run("hardware", "open-drawer", "--printer", "file:" + bin, "--drawer", "printer?pin=5&on=50&off=100")).isZero();

        assertThat(Files.readAllBytes(bin)).containsExactly(0x1B, 'p', 1, 25, 50);
        assertThat(out.toString()).contains("pin 5");
    }

    @Test
    void aBadConnectionStringOrAMissingPrinterHaveTheirExitCodes() {
        assertThat(run("hardware", "test-print", "--printer", "usb:thing")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown connection type");
        assertThat(run("hardware", "open-drawer", "--printer", "serial:/nonexistent/ttyUSB9")).isEqualTo(HardwareCommand.DEVICE_PROBLEM);
        assertThat(err.toString()).contains("/nonexistent/ttyUSB9");
    }

    @Test
    void listenPrintsEachScanAsParsed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
        Path near = dir.resolve("scanner-near");
        Path far = dir.resolve("scanner-far");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + near, "pty,raw,echo=0,link=" + far)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader socatLog = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = socatLog.readLine()) != null && !line.contains("starting data transfer loop")) {
                // wait until both terminals exist
            }
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            CommandLine cli = new CommandLine(new OmnitillCommand());
            cli.setOut(new PrintWriter(new java.io.Writer() { // says when the command listens
                @Override
                public void write(char[] chars, int offset, int length) {
                    out.write(chars, offset, length);
                    if (out.toString().contains("listening on")) {
                        ready.countDown();
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, true));
            cli.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> cli.execute("--data-dir",
                    dir.resolve("data").toString(), "hardware", "listen", "--scanner", "serial:" + near + "?suffix=CR",
                    "--count", "2"));
            assertThat(ready.await(20, TimeUnit.SECONDS)).isTrue();
            // the far end stays open until the command is done: closing it ends socat, and a terminal hung up
            // drops what its reader has not read yet
            try (SerialLink scanner = SerialLink.open(far.toString(), SerialSettings.DEFAULT)) {
                scanner.write("8414850557430\r%B4111111111111111^DOE/J^2512\r".getBytes(StandardCharsets.US_ASCII),
                        Duration.ofSeconds(5));
                assertThat(listening.get(20, TimeUnit.SECONDS)).isZero();
            }
            assertThat(out.toString()).contains("8414850557430  ->  item, GTIN 8414850557430")
                    .contains("payment card data (not shown")
                    .doesNotContain("4111111111111111");
        } finally {
            socat.destroy();
        }
    }
}
