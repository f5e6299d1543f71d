package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanFramerTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void scansEndAtTheSuffixWhateverTheChunks() {
        ScanFramer framer = ScanFramer.of(Map.of());
        List<String> scans = new ArrayList<>();

        scans.addAll(framer.feed(ascii("84148")));
        scans.addAll(framer.feed(ascii("50557430\r84384")));
        scans.addAll(framer.feed(ascii("38405715\r")));

        assertThat(scans).containsExactly("8414850557430", "8438438405715");
    }

    @Test
    void crLfCountsAsOneEnd() {
        ScanFramer framer = ScanFramer.of(Map.of("suffix", "CR"));

        assertThat(framer.feed(ascii("123456\r\n654321\r\n"))).containsExactly("123456", "654321");
    }

    @Test
    void aPrefixIsRemovedAndOtherSuffixesWork() {
        ScanFramer framer = ScanFramer.of(Map.of("prefix", "STX", "suffix", "ETX"));

        assertThat(framer.feed(ascii("\u0002R-T01-000042\u0003"))).containsExactly("R-T01-000042");
        assertThat(ScanFramer.of(Map.of("suffix", "0x0D0A")).feed(ascii("1\r2\r\n"))).containsExactly("1\r2");
        assertThat(ScanFramer.of(Map.of("prefix", "]E0", "suffix", "LF")).feed(ascii("]E08414850557430\n")))
                .containsExactly("8414850557430");
    }

    @Test
    void noiseWithoutASuffixIsDropped() {
        ScanFramer framer = ScanFramer.of(Map.of());

        assertThat(framer.feed(new byte[ScanFramer.MAX_SCAN + 10])).isEmpty();
        assertThat(framer.feed(ascii("rest of the noise\r42424242\r"))).containsExactly("42424242");
    }
}
