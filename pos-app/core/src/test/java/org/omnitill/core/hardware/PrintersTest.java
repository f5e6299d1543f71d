package org.omnitill.core.hardware;

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
import org.omnitill.core.print.FilePrinter;
import org.omnitill.core.print.PrintQueue;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.print.RetryBackoff;
import org.omnitill.core.receipt.PrinterFeatures;
import org.omnitill.core.receipt.CodePage;
import org.omnitill.core.receipt.ReceiptFormat;

class PrintersTest {

    @TempDir
    Path dir;

    @Test
    void aRelativeFileIsInTheDataDirectory() {
        PrinterConnection printer = Printers.open("file:receipts.bin", dir);

        assertThat(printer).isInstanceOf(FilePrinter.class);
        assertThat(((FilePrinter) printer).file()).isEqualTo(dir.resolve("receipts.bin").toAbsolutePath());
        assertThat(printer.description()).isEqualTo("file " + dir.resolve("receipts.bin").toAbsolutePath());
    }

    @Test
    void anAbsoluteFileStaysWhereItIs() {
        Path elsewhere = dir.resolve("elsewhere/out.bin").toAbsolutePath();

        PrinterConnection printer = Printers.open("file:" + elsewhere, dir.resolve("data"));

        assertThat(((FilePrinter) printer).file()).isEqualTo(elsewhere);
    }

    @Test
    void aFilePrinterAppendsEveryJob() throws Exception {
        FilePrinter printer = (FilePrinter) Printers.open("file:out.bin?columns=32", dir);

        printer.send(new byte[] {1, 2});
        printer.send(new byte[] {3});

        assertThat(Files.readAllBytes(dir.resolve("out.bin"))).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial:/nonexistent/ttyUSB9?baud=38400", "tcp:127.0.0.1:1", "device:/nonexistent/lp0"})
    void aPrinterThatIsNotThereIsReportedUnreachableOnSendNotWhenOpened(String connection) {
        PrinterConnection printer = Printers.open(connection, dir);

        assertThatThrownBy(() -> printer.send(new byte[] {1}))
                .isInstanceOfSatisfying(PrinterNotReadyException.class,
                        e -> assertThat(e.condition()).isEqualTo(PrinterCondition.UNREACHABLE));
    }

    @Test
    void connectionTypesAndTheirDescriptions() {
        assertThat(Printers.open("serial:/dev/ttyUSB0?baud=38400&parity=even&flow=rtscts", dir).description())
                .isEqualTo("serial /dev/ttyUSB0 38400 8E1 rtscts");
        assertThat(Printers.open("tcp:192.0.2.10", dir).description()).isEqualTo("tcp 192.0.2.10:9100");
        assertThat(Printers.open("tcp:192.0.2.10:9101", dir).description()).isEqualTo("tcp 192.0.2.10:9101");
        assertThat(Printers.open("device:/dev/usb/lp0", dir).description()).isEqualTo("device /dev/usb/lp0");
        assertThat(Printers.open("system:Receipt Printer", dir).description()).isEqualTo("system printer Receipt Printer");
        assertThatThrownBy(() -> Printers.open("device:/dev/usb/lp0?status=on", dir)).hasMessageContaining("written only");
        assertThatThrownBy(() -> Printers.open("serial:/dev/ttyUSB0?baud=fast", dir)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Printers.open("serial:/dev/ttyUSB0?flow=magic", dir)).hasMessageContaining("rtscts");
    }

    @Test
    void cutterAndLogoOptions() {
        PrinterSpec spec = PrinterSpec.parse("file:r.bin?columns=32&cut=none&logo=raster");
        PrinterFeatures features = spec.features(32, dir);

        assertThat(features.cut()).isEqualTo(PrinterFeatures.Cut.NONE);
        assertThat(features.logo()).isEqualTo(PrinterFeatures.Logo.RASTER);
        assertThat(features.logoImage().width()).isEqualTo(384); // the bundled logo, as wide as 58 mm paper
        assertThat(PrinterSpec.parse("file:r.bin?logo=nv").features(42, dir).logo()).isEqualTo(PrinterFeatures.Logo.NV);
        assertThat(PrinterSpec.parse("file:r.bin").features(42, dir)).isEqualTo(PrinterFeatures.DEFAULT);
        assertThatThrownBy(() -> PrinterSpec.parse("file:r.bin?cut=maybe").features(42, dir)).hasMessageContaining("partial, full, none");
    }

    @Test
    void unknownOrMissingTypesAreExplained() {
        assertThatThrownBy(() -> Printers.open("usb:printer", dir))
                .hasMessageContaining("unknown connection type 'usb:'").hasMessageContaining("serial:, tcp:, device:, system: or file:");
        assertThatThrownBy(() -> Printers.open("/tmp/receipts.bin", dir))
                .hasMessageContaining("has no connection type");
        assertThatThrownBy(() -> Printers.open("file:", dir)).hasMessageContaining("names no file");
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
        PrinterConnection printer = PrintQueue.unavailable("serial:/dev/ttyUSB0", "not supported yet");

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
