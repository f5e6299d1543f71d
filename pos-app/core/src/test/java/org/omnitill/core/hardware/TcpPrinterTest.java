package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;

/** A network printer on raw TCP, played by a local server socket. */
class TcpPrinterTest {

    private static final byte[] JOB = {0x1B, '@', 'O', 'k', 0x0A, 0x1D, 'V', 66, 3};

    @TempDir
    Path dir;

    /** Accepts one connection, answers status requests as a ready printer, and returns what it got when the till hangs up. */
    private static CompletableFuture<byte[]> printerOnce(ServerSocket server, boolean answers) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    got.write(b);
                    byte[] all = got.toByteArray();
                    int n = all.length;
                    if (answers && n >= 3 && all[n - 3] == 0x10 && all[n - 2] == 0x04) {
                        out.write(FakeEscPosPrinter.READY);
                        out.flush();
                    }
                }
                return got.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aJobGoesOutOverItsOwnConnectionAfterTheStatusQuestions() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PrinterConnection printer = Printers.open("tcp:127.0.0.1:" + server.getLocalPort(), dir)) {
            CompletableFuture<byte[]> received = printerOnce(server, true);

            printer.send(JOB);

            assertThat(received.get(20, TimeUnit.SECONDS))
                    .containsExactly(SerialPrinterTest.concat(EscPosStatus.PRINTER, EscPosStatus.PAPER, JOB, EscPosStatus.PRINTER));
        }
    }

    @Test
    void aPrinterThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             PrinterConnection printer = Printers.open("tcp:127.0.0.1:" + server.getLocalPort() + "?timeout=300", dir)) {
            CompletableFuture<byte[]> received = printerOnce(server, false);

            assertThatThrownBy(() -> printer.send(JOB)).isInstanceOfSatisfying(PrinterNotReadyException.class,
                    e -> assertThat(e.condition()).isEqualTo(PrinterCondition.NOT_ANSWERING));
            assertThat(received.get(20, TimeUnit.SECONDS)).containsExactly(EscPosStatus.PRINTER); // nothing more went out
        }
    }

    @Test
    void nobodyListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        try (PrinterConnection printer = Printers.open("tcp:127.0.0.1:" + port, dir)) {
            assertThatThrownBy(() -> printer.send(JOB)).isInstanceOfSatisfying(PrinterNotReadyException.class,
                    e -> assertThat(e.condition()).isEqualTo(PrinterCondition.UNREACHABLE));
        }
    }
}
