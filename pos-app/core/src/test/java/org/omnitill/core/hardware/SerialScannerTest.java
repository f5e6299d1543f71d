package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serial scanners, played by the far ends of socat pty pairs. */
class SerialScannerTest {

    @TempDir
    Path dir;

    @Test
    void aLineWrittenAtTheFarEndBecomesAScan() throws Exception {
        try (Socat pty = Socat.pair(dir, "scanner");
             SerialScanner scanner = SerialScanner.of("serial:" + pty.near + "?baud=9600&suffix=CR");
             SerialLink far = SerialLink.open(pty.far.toString(), SerialSettings.DEFAULT)) {
            BlockingQueue<String> scans = new LinkedBlockingQueue<>();
            scanner.start(scans::add, () -> { });

            far.write("84148505".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
            far.write("57430\r".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));

            assertThat(scans.poll(20, TimeUnit.SECONDS)).isEqualTo("8414850557430");
        }
    }

    @Test
    void severalScannersAtOnceWithTheirOwnPrefixAndSuffix() throws Exception {
        try (Socat one = Socat.pair(dir, "one");
             Socat two = Socat.pair(dir, "two");
             SerialScanner first = SerialScanner.of("serial:" + one.near + "?suffix=CRLF");
             SerialScanner second = SerialScanner.of("serial:" + two.near + "?baud=19200&prefix=STX&suffix=ETX");
             SerialLink farOne = SerialLink.open(one.far.toString(), SerialSettings.DEFAULT);
             SerialLink farTwo = SerialLink.open(two.far.toString(), SerialSettings.DEFAULT)) {
            BlockingQueue<String> scans = new LinkedBlockingQueue<>();
            first.start(code -> scans.add("1:" + code), () -> { });
            second.start(code -> scans.add("2:" + code), () -> { });

            farOne.write("8414850557430\r\n".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
            assertThat(scans.poll(20, TimeUnit.SECONDS)).isEqualTo("1:8414850557430");
            farTwo.write("\u00028438438405715\u0003".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));
            assertThat(scans.poll(20, TimeUnit.SECONDS)).isEqualTo("2:8438438405715");
        }
    }

    @Test
    void aScannerThatGoesAwayIsReported() throws Exception {
        Socat pty = Socat.pair(dir, "gone");
        try (SerialScanner scanner = SerialScanner.of("serial:" + pty.near)) {
            java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
            scanner.start(code -> { }, gone::countDown);

            pty.close();

            assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
