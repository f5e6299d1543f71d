package org.omnitill.core.print;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A "printer" that appends each job's bytes to a file and forces them to disk before saying it
 * printed: for tests, for demos, and for printers exposed as a file-like device. The file is
 * created when missing; its directory is not (a missing directory is a printer that is not there).
 */
public final class FilePrinter implements PrinterConnection {

    private final Path file;

    public FilePrinter(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public void send(byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    @Override
    public String description() {
        return "file " + file;
    }

    @Override
    public String toString() {
        return "FilePrinter[" + file + "]";
    }
}
