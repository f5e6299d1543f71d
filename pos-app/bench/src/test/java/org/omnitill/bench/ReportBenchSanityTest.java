package org.omnitill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the report harness runnable: a tiny day, untimed. */
class ReportBenchSanityTest {

    @TempDir
    Path dir;

    @Test
    void aSmallDayClosesAndRenders() throws Exception {
        ReportBench.Figures figures = ReportBench.run(dir.resolve("day"), 30, 1);
        assertThat(figures.sales()).isEqualTo(30);
        assertThat(figures.pdfBytes()).isGreaterThan(1_000);
    }
}
