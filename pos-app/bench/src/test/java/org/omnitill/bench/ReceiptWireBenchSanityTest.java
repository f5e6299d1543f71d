package org.omnitill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps ReceiptWireBench runnable: two sales through a socat pty, nothing timed. */
class ReceiptWireBenchSanityTest {

    @TempDir
    Path dir;

    @Test
    void printsTheSizesAndTimesTwoSales() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        List<Double> times = ReceiptWireBench.run(2, dir, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(times).hasSize(2);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("typical receipt: 10 lines").contains("nv (FS p")
                .contains("first receipt byte");
    }
}
