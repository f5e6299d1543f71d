package org.omnitill.core.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterNotReadyException;

/**
 * A raw TCP connection to a network printer (port 9100, "JetDirect"). Connecting waits at most the
 * connect timeout; reads use the socket timeout; writes are bounded by {@link Deadline}, which closes
 * the socket when the printer stops reading (a full send buffer would block forever otherwise).
 */
public final class TcpLink implements ByteLink {

    private final String address;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpLink(String address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static TcpLink connect(String host, int port, Duration connectTimeout) throws IOException {
        String address = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            return new TcpLink(address, socket);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "network printer " + address
                    + " did not answer within " + connectTimeout.toMillis() + " ms (switched off or wrong address?)", e);
        } catch (IOException e) {
            socket.close();
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "cannot connect to network printer " + address
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data, Duration limit) throws IOException {
        Deadline.within(limit, "network printer " + address + " (" + data.length + " bytes)", this::close, () -> {
            out.write(data);
            out.flush();
            return null;
        });
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("network printer " + address + " closed the connection");
            }
            return read;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public void discardInput() throws IOException {
        int available = in.available();
        if (available > 0) {
            in.readNBytes(available);
        }
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a failed socket: nothing more to do
        }
    }

    @Override
    public String toString() {
        return "tcp " + address;
    }
}
