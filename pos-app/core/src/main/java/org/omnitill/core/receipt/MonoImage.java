package org.omnitill.core.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A black-and-white picture for a thermal printer (the receipt logo), one bit a dot, rows top to
 * bottom, each row padded to whole bytes, the leftmost dot in the high bit; a set bit prints black.
 * Made from any picture by {@link #of(BufferedImage, int)}: transparent counts as white, colours
 * by their luminance, Floyd-Steinberg dithered, scaled down to fit the paper.
 *
 * <p>Two ESC/POS encodings: {@link #rasterCommand()} ({@code GS v 0}, printed from the bytes each
 * time) and {@link #nvDefineCommand()} ({@code FS q}, stored once in the printer's non-volatile
 * memory and then printed by the 4 bytes of {@link #NV_PRINT}).
 */
public final class MonoImage {

    /** {@code FS p 1 0}: print NV bit image 1 at normal size. */
    public static final byte[] NV_PRINT = {0x1C, 'p', 1, 0};

    private final int width;
    private final int height;
    private final byte[] rows;

    private MonoImage(int width, int height, byte[] rows) {
        this.width = width;
        this.height = height;
        this.rows = rows;
    }

    /** From row-major bits as described above ({@code (width + 7) / 8} bytes a row). */
    public static MonoImage ofRows(int width, int height, byte[] rows) {
        if (width < 1 || height < 1 || rows.length != (width + 7) / 8 * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture has " + ((width + 7) / 8 * height)
                    + " bytes, not " + rows.length);
        }
        return new MonoImage(width, height, rows.clone());
    }

    /** A picture of at most {@code maxWidth} dots across (scaled down keeping its proportions). */
    public static MonoImage of(BufferedImage image, int maxWidth) {
        Objects.requireNonNull(image, "image");
        int width = image.getWidth();
        int height = image.getHeight();
        if (width > maxWidth) {
            height = Math.max(1, Math.round(height * (float) maxWidth / width));
            width = maxWidth;
        }
        float[] grey = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // nearest source pixel block, averaged
                int x0 = x * image.getWidth() / width;
                int x1 = Math.max(x0 + 1, (x + 1) * image.getWidth() / width);
                int y0 = y * image.getHeight() / height;
                int y1 = Math.max(y0 + 1, (y + 1) * image.getHeight() / height);
                float sum = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        sum += luminance(image.getRGB(sx, sy));
                    }
                }
                grey[y * width + x] = sum / ((x1 - x0) * (y1 - y0));
            }
        }
        int stride = (width + 7) / 8;
        byte[] rows = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float old = grey[y * width + x];
                boolean black = old < 0.5f;
                if (black) {
                    rows[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
                float error = old - (black ? 0f : 1f);
                spread(grey, width, height, x + 1, y, error * 7 / 16);
                spread(grey, width, height, x - 1, y + 1, error * 3 / 16);
                spread(grey, width, height, x, y + 1, error * 5 / 16);
                spread(grey, width, height, x + 1, y + 1, error / 16);
            }
        }
        return new MonoImage(width, height, rows);
    }

    /** Reads a PNG (or any format ImageIO reads) from a file. */
    public static MonoImage read(Path file, int maxWidth) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxWidth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logo " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a picture from a stream; {@code name} is for the error message. */
    public static MonoImage read(InputStream in, String name, int maxWidth) throws IOException {
        BufferedImage image = ImageIO.read(in);
        if (image == null) {
            throw new IOException(name + " is not a picture ImageIO can read (use PNG)");
        }
        return of(image, maxWidth);
    }

    private static float luminance(int argb) {
        float alpha = ((argb >>> 24) & 0xFF) / 255f;
        float r = ((argb >>> 16) & 0xFF) / 255f;
        float g = ((argb >>> 8) & 0xFF) / 255f;
        float b = (argb & 0xFF) / 255f;
        float lum = 0.2126f * r + 0.7152f * g + 0.0722f * b;
        return alpha * lum + (1 - alpha); // transparent is white paper
    }

    private static void spread(float[] grey, int width, int height, int x, int y, float amount) {
        if (x >= 0 && x < width && y < height) {
            grey[y * width + x] += amount;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean black(int x, int y) {
        int stride = (width + 7) / 8;
        return (rows[y * stride + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    /** {@code GS v 0 0 xL xH yL yH d...}: the picture as a raster bit image, normal size. */
    public byte[] rasterCommand() {
        int stride = (width + 7) / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.length + 8);
        out.writeBytes(new byte[] {0x1D, 'v', '0', 0, (byte) stride, (byte) (stride >> 8), (byte) height,
            (byte) (height >> 8)});
        out.writeBytes(rows);
        return out.toByteArray();
    }

    /**
     * {@code FS q 1 xL xH yL yH d...}: stores the picture as NV bit image 1, replacing what the printer
     * held. The picture is padded with white to whole bytes both ways; the data goes column by column,
     * each byte eight dots down, the top one in the high bit.
     */
    public byte[] nvDefineCommand() {
        int xBytes = (width + 7) / 8;
        int yBytes = (height + 7) / 8;
        int columns = xBytes * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(columns * yBytes + 7);
        out.writeBytes(new byte[] {0x1C, 'q', 1, (byte) xBytes, (byte) (xBytes >> 8), (byte) yBytes, (byte) (yBytes >> 8)});
        for (int x = 0; x < columns; x++) {
            for (int yb = 0; yb < yBytes; yb++) {
                int value = 0;
                for (int bit = 0; bit < 8; bit++) {
                    int y = yb * 8 + bit;
                    if (x < width && y < height && black(x, y)) {
                        value |= 0x80 >>> bit;
                    }
                }
                out.write(value);
            }
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MonoImage image && image.width == width && image.height == height
                && Arrays.equals(image.rows, rows);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "MonoImage[" + width + "x" + height + "]";
    }
}
