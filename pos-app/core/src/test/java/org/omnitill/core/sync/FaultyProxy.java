package org.omnitill.core.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between a till and a hub that breaks connections on purpose: it can reset them as
 * they open, or pass the request through and then lose the hub's answer, so the hub has committed
 * and the till never hears of it.
 */
final class FaultyProxy implements AutoCloseable {

    enum Mode {
        PASS,
        /** Close every new connection at once (the client sees a reset or an empty answer). */
        RESET,
        /** Forward requests, drop the hub's answers and close the client's connection. */
        LOSE_RESPONSES
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
    private final AtomicInteger lostResponses = new AtomicInteger();
    private volatile boolean closed;

    FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    void mode(Mode newMode) {
        mode.set(newMode);
    }

    int lostResponses() {
        return lostResponses.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (mode.get() == Mode.RESET) {
                    client.setSoLinger(true, 0); // RST, not FIN
                    client.close();
                    continue;
                }
                Socket hub = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                boolean lose = mode.get() == Mode.LOSE_RESPONSES;
                pipe(client, hub, false);
                pipe(hub, client, lose);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean loseAnswer) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (loseAnswer) {
                        // the hub answered, so it has committed: the till must not learn of it
                        lostResponses.incrementAndGet();
                        to.setSoLinger(true, 0);
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side went away; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "faulty-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
