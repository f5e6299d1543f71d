package org.omnitill.core.hardware;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterNotReadyException;

/**
 * A serial port through jSerialComm. Reads wait at most their timeout (jSerialComm's semi-blocking
 * reads); writes are bounded by {@link Deadline}, which closes the port when the device does not
 * take the bytes in time: jSerialComm's own write timeout is not honoured on Linux, where a write to
 * a device that does not read (flow control held, nobody at the other end) blocks, and closing the
 * port is what makes it return.
 */
public final class SerialLink implements ByteLink {

    private final String path;
    private final SerialPort port;
    private volatile boolean closed;

    private SerialLink(String path, SerialPort port) {
        this.path = path;
        this.port = port;
    }

    /**
     * Opens {@code path} (e.g. {@code /dev/ttyUSB0}, {@code COM3}) with {@code settings}.
     *
     * @throws PrinterNotReadyException ({@link PrinterCondition#UNREACHABLE}) when it cannot be opened,
     *                                  with the reason in words
     */
    public static SerialLink open(String path, SerialSettings settings) throws IOException {
        Objects.requireNonNull(path, "path");
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) { // SerialPortInvalidPortException
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "there is no serial port " + path, e);
        }
        settings.applyTo(port);
        // write-blocking: jSerialComm drains (tcdrain) after each write, so a write returns once the bytes
        // left the computer, and closing the port (which flushes what is still queued) loses nothing
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 1000, 0);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            boolean exists = java.nio.file.Files.exists(java.nio.file.Path.of(path));
            String why = switch (errno) {
                case 13 -> "no permission (on Linux add the till's user to the 'dialout' group)";
                case 11, 16 -> "it is in use (by another program, or already by this till)";
                default -> exists ? "it is in use or cannot be set up (error " + errno + ")"
                        : "it does not exist (unplugged?)";
            };
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "cannot open serial port " + path + ": " + why);
        }
        return new SerialLink(path, port);
    }

    /** A serial port this computer has, e.g. {@code /dev/ttyUSB0} ("USB-Serial Controller"). */
    public record PortInfo(String path, String description) {
    }

    /** The serial ports the system has now (USB adapters appear when plugged in). */
    public static java.util.List<PortInfo> available() {
        return java.util.Arrays.stream(SerialPort.getCommPorts())
                .map(port -> new PortInfo(port.getSystemPortPath(), port.getDescriptivePortName())).toList();
    }

    public String path() {
        return path;
    }

    @Override
    public void write(byte[] data, Duration limit) throws IOException {
        ensureOpen();
        Deadline.within(limit, "serial port " + path + " (" + data.length + " bytes)", this::close, () -> {
            int offset = 0;
            while (offset < data.length) {
                int written = port.writeBytes(data, data.length - offset, offset);
                if (written < 0) {
                    throw new IOException("serial port " + path + " failed while writing (device gone?)");
                }
                offset += written;
            }
            return null;
        });
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        ensureOpen();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, millis, 0);
        int read = port.readBytes(buffer, buffer.length);
        if (read < 0) {
            close();
            throw new IOException("serial port " + path + " failed while reading (device gone?)");
        }
        return read;
    }

    @Override
    public void discardInput() throws IOException {
        ensureOpen();
        // only what was received: flushIOBuffers() would also drop output not yet sent (the last job's tail)
        int waiting = port.bytesAvailable();
        if (waiting > 0) {
            port.readBytes(new byte[waiting], waiting);
        }
    }

    @Override
    public boolean readable() {
        return true;
    }

    /**
     * Calls {@code onData} with every chunk of bytes as it arrives, on jSerialComm's event thread
     * (no polling), and {@code onGone} when the port disappears.
     */
    public void listen(Consumer<byte[]> onData, Runnable onGone) {
        port.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_DATA_RECEIVED | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    onGone.run();
                    return;
                }
                byte[] data = event.getReceivedData();
                if (data != null && data.length > 0) {
                    onData.accept(data);
                }
            }
        });
    }

    public boolean isOpen() {
        return !closed && port.isOpen();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("serial port " + path + " was closed after a failure");
        }
    }

    @Override
    public void close() {
        closed = true;
        port.removeDataListener();
        port.closePort();
    }

    @Override
    public String toString() {
        return "serial " + path;
    }
}
