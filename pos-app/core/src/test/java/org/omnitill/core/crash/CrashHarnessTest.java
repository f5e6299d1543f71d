package org.omnitill.core.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CrashHarnessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void salesAcknowledgedBeforeASigkillSurviveIt() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CrashHarness.Result result;
        try (PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            result = CrashHarness.run(new CrashHarness.Options(3, dir, 42, 300, 900, Duration.ofSeconds(60)), progress);
        }

        String report = log.toString(StandardCharsets.UTF_8) + result.summary();
        assertThat(result.problems()).as(report).isEmpty();
        assertThat(result.cycles()).as(report).isEqualTo(3);
        assertThat(result.killedBySigkill()).as(report).isEqualTo(3);
        assertThat(result.acknowledged()).as(report).isGreaterThanOrEqualTo(3);
        assertThat(result.lost()).as(report).isZero();
        assertThat(result.journalIntact()).as(report).isTrue();
        assertThat(result.journalEntries()).as(report)
                .isEqualTo(result.acknowledged() + result.unacknowledgedButCommitted());
        assertThat(result.ok()).isTrue();
    }

    @Test
    void theCommandLineIsCheckedBeforeAnythingRuns() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CrashHarness.run(new String[] {"run", "--cycles", "3"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data-dir").contains("usage:");
    }
}
