package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoleDisplayTest {

    @TempDir
    Path dir;

    @Test
    void twoLinesOfTwentyInTheDisplayCommandSet() throws Exception {
        try (Socat pty = Socat.pair(dir, "pole");
             FakeEscPosPrinter far = new FakeEscPosPrinter(pty.far);
             PoleDisplay display = PoleDisplay.of("serial:" + pty.near + "?baud=9600&codepage=CP858")) {

            display.show("Huevos camperos XL docena", "TOTAL          3,29 €");

            byte[] expected = SerialPrinterTest.concat(
                    new byte[] {0x1B, '@', 0x1B, 't', 19},
                    new byte[] {0x0C}, "Huevos camperos XL d".getBytes("IBM00858"),
                    new byte[] {0x1F, '$', 1, 2}, "TOTAL          3,29 €".substring(0, 20).getBytes("IBM00858"));
            assertThat(far.awaitLength(expected.length)).containsExactly(expected);
        }
    }

    @Test
    void russianTextOnACyrillicDisplayAndTransliteratedOnAWesternOne() throws Exception {
        PoleDisplay cyrillic = PoleDisplay.of("serial:/dev/null?codepage=CP866");
        PoleDisplay western = PoleDisplay.of("serial:/dev/null?codepage=CP858");

        assertThat(new String(cyrillic.frame("Молоко", "ИТОГО 89,90"), 1, 20, "IBM866")).isEqualTo("Молоко              ");
        assertThat(new String(western.frame("Молоко", ""), 1, 20, "IBM00858")).isEqualTo("Moloko              ");
    }
}
