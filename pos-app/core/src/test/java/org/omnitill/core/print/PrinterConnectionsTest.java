package org.omnitill.core.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.ReceiptFormat;

class PrinterConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void aRelativeFileIsInTheDataDirectory() {
        PrinterConnection printer = PrinterConnections.open("file:receipts.bin", dir);

        assertThat(printer).isInstanceOf(FilePrinter.class);
        assertThat(((FilePrinter) printer).file()).isEqualTo(dir.resolve("receipts.bin").toAbsolutePath());
        assertThat(printer.description()).isEqualTo("file " + dir.resolve("receipts.bin").toAbsolutePath());
    }

    @Test
    void anAbsoluteFileStaysWhereItIs() {
        Path elsewhere = dir.resolve("elsewhere/out.bin").toAbsolutePath();

        PrinterConnection printer = PrinterConnections.open("file:" + elsewhere, dir.resolve("data"));

        assertThat(((FilePrinter) printer).file()).isEqualTo(elsewhere);
    }

    @Test
    void aFilePrinterAppendsEveryJob() throws Exception {
        FilePrinter printer = (FilePrinter) PrinterConnections.open("file:out.bin?columns=32", dir);

        printer.send(new byte[] {1, 2});
        printer.send(new byte[] {3});

        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial:/dev/ttyUSB0?baud=38400", "tcp:192.0.2.10:9100", "device:/dev/usb/lp0",
        "system:Printer Name"})
    void hardwareConnectionsSayTheyAreComing(String connection) {
        assertThatThrownBy(() -> PrinterConnections.open(connection, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(connection)
                .hasMessageContaining("not supported yet")
                .hasMessageContaining("hardware")
                .hasMessageContaining("file:PATH");
    }

    @Test
    void unknownOrMissingTypesAreExplained() {
        assertThatThrownBy(() -> PrinterConnections.open("usb:printer", dir))
                .hasMessageContaining("unknown connection type 'usb:'").hasMessageContaining("file:PATH");
        assertThatThrownBy(() -> PrinterConnections.open("/tmp/receipts.bin", dir))
                .hasMessageContaining("has no connection type");
        assertThatThrownBy(() -> PrinterConnections.open("file:", dir)).hasMessageContaining("names no file");
    }

    @Test
    void optionsSetTheWidthAndCodePage() {
        PrinterSpec spec = PrinterSpec.parse("file:receipts.bin?columns=32&codepage=CP866&codetable=59&baud=9600");

        assertThat(spec.scheme()).isEqualTo("file");
        assertThat(spec.target()).isEqualTo("receipts.bin");
        assertThat(spec.columns()).hasValue(32);
        assertThat(spec.codePage()).contains(CodePage.CP866);
        assertThat(spec.codeTable()).hasValue(59);
        assertThat(spec.options()).containsEntry("baud", "9600");

        ReceiptFormat format = spec.applyTo(ReceiptFormat.of(TillSettings.defaults(), Locale.UK));
        assertThat(format.columns()).isEqualTo(32);
        assertThat(format.codePage()).isEqualTo(CodePage.CP866);
        assertThat(format.codeTable()).isEqualTo(59);

        ReceiptFormat plain = PrinterSpec.parse("file:r.bin").applyTo(ReceiptFormat.of(TillSettings.defaults(), Locale.UK));
        assertThat(plain.columns()).isEqualTo(42);
        assertThat(plain.codePage()).isEqualTo(CodePage.CP858);
        assertThat(plain.codeTable()).isEqualTo(19);

        assertThatThrownBy(() -> PrinterSpec.parse("file:r.bin?columns=wide").columns()).hasMessageContaining("32, 42 or 48");
    }

    @Test
    void aPrinterThatCannotBeOpenedFailsEverySendWithTheReason() {
        PrinterConnection printer = PrinterConnections.unavailable("serial:/dev/ttyUSB0", "not supported yet");

        assertThatThrownBy(() -> printer.send(new byte[] {1})).hasMessage("not supported yet");
        assertThat(printer.description()).isEqualTo("serial:/dev/ttyUSB0");
    }

    @Test
    void theRetryDelayDoublesUpToItsMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
