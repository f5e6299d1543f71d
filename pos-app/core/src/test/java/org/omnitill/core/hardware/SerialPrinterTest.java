package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;

/** A serial receipt printer, played by the far end of a socat pty pair. */
class SerialPrinterTest {

    private static final byte[] STATUS_QUESTIONS = concat(EscPosStatus.PRINTER, EscPosStatus.PAPER);
    private static final byte[] JOB = {0x1B, '@', 'H', 'o', 'l', 'a', 0x0A, 0x1D, 'V', 66, 3};

    @TempDir
    Path dir;

    @Test
    void aJobArrivesExactlyAfterTheStatusQuestions() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter device = new FakeEscPosPrinter(pty.far);
             PrinterConnection printer = Printers.open("serial:" + pty.near + "?baud=38400", dir)) {

            printer.send(JOB);

            // asked before, the job, asked after (the answer confirms the printer has the whole job)
            byte[] expected = concat(STATUS_QUESTIONS, JOB, EscPosStatus.PRINTER);
            assertThat(device.awaitLength(expected.length)).containsExactly(expected);
            assertThat(printer.lastCondition()).isEqualTo(PrinterCondition.READY);
        }
    }

    @Test
    void aPrinterOutOfPaperGetsNoJobAndSaysWhy() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter device = new FakeEscPosPrinter(pty.far).paperOut();
             PrinterConnection printer = Printers.open("serial:" + pty.near + "?baud=38400", dir)) {

            assertThatThrownBy(() -> printer.send(JOB)).isInstanceOfSatisfying(PrinterNotReadyException.class,
                    e -> assertThat(e.condition()).isEqualTo(PrinterCondition.PAPER_OUT));

            // asked: printer, paper, offline cause; the job never went out
            assertThat(device.bytes()).containsExactly(concat(STATUS_QUESTIONS, EscPosStatus.OFFLINE_CAUSE));

            device.ready(false); // paper changed
            printer.send(JOB);
            byte[] expected = concat(STATUS_QUESTIONS, EscPosStatus.OFFLINE_CAUSE, STATUS_QUESTIONS, JOB, EscPosStatus.PRINTER);
            assertThat(device.awaitLength(expected.length)).containsExactly(expected);
        }
    }

    @Test
    void aCoverLeftOpenIsReported() throws Exception {
        try (Socat pty = Socat.pair(dir, "printer");
             FakeEscPosPrinter device = new FakeEscPosPrinter(pty.far).coverOpen();
             PrinterConnection printer = Printers.open("serial:" + pty.near, dir)) {

            DeviceState state = printer.query();

            assertThat(state.condition()).isEqualTo(PrinterCondition.COVER_OPEN);
        }
    }

    @Test
    void aPrinterNobodyAnswersForTimesOutAndTheJobIsNotSent() throws Exception {
        try (Socat pty = Socat.pair(dir, "stuck");
             PrinterConnection printer = Printers.open("serial:" + pty.near + "?timeout=300", dir)) {

            assertThatThrownBy(() -> printer.send(JOB)).isInstanceOfSatisfying(PrinterNotReadyException.class,
                    e -> assertThat(e.condition()).isEqualTo(PrinterCondition.NOT_ANSWERING));
        }
    }

    @Test
    void aWriteTheDeviceDoesNotTakeIsAbortedAtItsLimit() throws Exception {
        // nobody reads the far end: the pty buffers fill and the write blocks until the limit closes the port
        try (Socat pty = Socat.pair(dir, "blocked");
             PrinterConnection printer = Printers.open("serial:" + pty.near + "?baud=921600&status=off&timeout=300", dir)) {

            byte[] big = new byte[128 * 1024];
            assertThatThrownBy(() -> printer.send(big)).isInstanceOf(DeviceTimeoutException.class)
                    .hasMessageContaining("did not finish");
            assertThat(printer.lastCondition()).isEqualTo(PrinterCondition.NOT_ANSWERING);
        }
    }

    @Test
    void aPrinterThatDisappearsIsReportedAndPrintsAgainWhenBack() throws Exception {
        Socat first = Socat.pair(dir, "usb");
        Path port = first.near;
        try (PrinterConnection printer = Printers.open("serial:" + port, dir)) {
            try (FakeEscPosPrinter device = new FakeEscPosPrinter(first.far)) {
                printer.send(JOB);
                device.awaitLength(STATUS_QUESTIONS.length + JOB.length + 3);
            }
            first.close(); // the adapter is pulled out

            assertThatThrownBy(() -> printer.send(JOB)).isInstanceOf(java.io.IOException.class);
            assertThat(printer.lastCondition()).isIn(PrinterCondition.UNREACHABLE, PrinterCondition.NOT_ANSWERING);

            try (Socat second = Socat.pair(dir, "usb"); // plugged back in, same name
                 FakeEscPosPrinter device = new FakeEscPosPrinter(second.far)) {
                printer.send(JOB);
                byte[] expected = concat(STATUS_QUESTIONS, JOB, EscPosStatus.PRINTER);
                assertThat(device.awaitLength(expected.length)).containsExactly(expected);
            }
        }
    }

    @Test
    void theDrawerKickSkipsTheStatusQuestionAndTheDrawerSwitchIsRead() throws Exception {
        try (Socat pty = Socat.pair(dir, "drawer");
             FakeEscPosPrinter device = new FakeEscPosPrinter(pty.far).ready(true);
             PrinterConnection printer = Printers.open("serial:" + pty.near, dir)) {
            CashDrawer drawer = PrinterCashDrawer.of("printer?pin=5&on=120&off=240", printer);

            drawer.open();

            assertThat(device.awaitLength(5)).containsExactly(0x1B, 'p', 1, 60, 120);
            assertThat(drawer.state()).isEqualTo(CashDrawer.State.OPEN);
            device.ready(false);
            assertThat(drawer.state()).isEqualTo(CashDrawer.State.CLOSED);
            assertThat(PrinterCashDrawer.of("printer?sense=low", printer).state()).isEqualTo(CashDrawer.State.OPEN);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
