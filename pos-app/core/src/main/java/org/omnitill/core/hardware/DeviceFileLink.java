package org.omnitill.core.hardware;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterNotReadyException;

/**
 * A printer's device file, e.g. {@code /dev/usb/lp0} (Linux's USB printer class driver): write only.
 * Writes are bounded by {@link Deadline}, which closes the channel (an interruptible channel: the
 * blocked write returns) when the printer stops taking bytes.
 */
public final class DeviceFileLink implements ByteLink {

    private final Path path;
    private final FileChannel channel;

    private DeviceFileLink(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    public static DeviceFileLink open(Path path) throws IOException {
        try {
            return new DeviceFileLink(path, FileChannel.open(path, StandardOpenOption.WRITE));
        } catch (NoSuchFileException e) {
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "there is no printer device " + path
                    + " (unplugged or switched off?)", e);
        } catch (AccessDeniedException e) {
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "no permission to write to " + path
                    + " (on Linux add the till's user to the 'lp' group)", e);
        } catch (IOException e) {
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data, Duration limit) throws IOException {
        Deadline.within(limit, "printer device " + path + " (" + data.length + " bytes)", this::close, () -> {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return null;
        });
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        throw new UnsupportedOperationException("a printer device file is written only");
    }

    @Override
    public boolean readable() {
        return false;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a failed device: nothing more to do
        }
    }

    @Override
    public String toString() {
        return "device " + path;
    }
}
