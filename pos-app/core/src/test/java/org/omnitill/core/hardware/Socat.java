package org.omnitill.core.hardware;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat}: what one end writes the other reads,
 * like a null-modem cable. Stands in for a serial printer, scanner or pole display. Tests that need
 * it are skipped (assumption) only where socat is not installed; {@code .ci/run} installs it.
 */
final class Socat implements AutoCloseable {

    final Path near;
    final Path far;
    private final Process process;

    private Socat(Path near, Path far, Process process) {
        this.near = near;
        this.far = far;
        this.process = process;
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat and returns once both ends exist (socat says so on stderr). */
    static Socat pair(Path dir, String name) throws IOException {
        assumeTrue(installed(), "socat is not installed (apt-get install socat)");
        Path near = dir.resolve(name + "-near");
        Path far = dir.resolve(name + "-far");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + near, "pty,raw,echo=0,link=" + far)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.contains("starting data transfer loop")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // socat ended
            }
            ready.complete(false);
        }, "socat-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(20, TimeUnit.SECONDS)) {
                throw new IOException("socat did not start");
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("socat did not start: " + e, e);
        }
        return new Socat(near, far, process);
    }

    /** Ends socat: both terminals go away, as when a USB serial adapter is pulled out. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
