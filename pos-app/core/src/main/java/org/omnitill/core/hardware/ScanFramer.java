package org.omnitill.core.hardware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts the bytes a serial scanner sends into scans: each scan ends with the suffix (default CR,
 * CR LF counting as one) and may start with a prefix, which is removed. Bytes arrive in any chunks;
 * a partial scan waits for its next chunk. Scans are decoded as ISO-8859-1 (barcodes are ASCII) and
 * stripped; empty ones are dropped. Pure: the serial listener feeds it.
 *
 * <p>Options of a scanner's connection string: {@code suffix} and {@code prefix}, each {@code CR},
 * {@code LF}, {@code CRLF}, {@code TAB}, {@code ETX}, {@code STX}, {@code none}, hex bytes as
 * {@code 0x0D0A}, or literal text.
 */
public final class ScanFramer {

    /** A scan longer than this without a suffix is noise (wrong baud rate): dropped up to the next suffix. */
    static final int MAX_SCAN = 512;

    private final byte[] prefix;
    private final byte[] suffix;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean discarding;

    public ScanFramer(byte[] prefix, byte[] suffix) {
        if (suffix.length == 0) {
            throw new IllegalArgumentException("a serial scanner needs a suffix that ends each scan");
        }
        this.prefix = prefix.clone();
        this.suffix = suffix.clone();
    }

    public static ScanFramer of(Map<String, String> options) {
        return new ScanFramer(bytes(options.getOrDefault("prefix", "none")), bytes(options.getOrDefault("suffix", "CR")));
    }

    static byte[] bytes(String spelled) {
        String value = spelled.strip();
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "NONE", "" -> new byte[0];
            case "CR" -> new byte[] {'\r'};
            case "LF" -> new byte[] {'\n'};
            case "CRLF" -> new byte[] {'\r', '\n'};
            case "TAB" -> new byte[] {'\t'};
            case "STX" -> new byte[] {0x02};
            case "ETX" -> new byte[] {0x03};
            default -> {
                if (value.matches("(?i)0x([0-9a-f]{2})+")) {
                    byte[] out = new byte[(value.length() - 2) / 2];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (byte) Integer.parseInt(value.substring(2 + 2 * i, 4 + 2 * i), 16);
                    }
                    yield out;
                }
                yield value.getBytes(StandardCharsets.ISO_8859_1);
            }
        };
    }

    /** The scans completed by {@code chunk}, in order. */
    public List<String> feed(byte[] chunk) {
        List<String> scans = new ArrayList<>();
        for (byte b : chunk) {
            pending.write(b);
            byte[] buffer = pending.toByteArray();
            boolean crlf = suffix.length == 1 && suffix[0] == '\r';
            if (endsWith(buffer, suffix)) {
                if (discarding) { // the end of the noise: resynchronised
                    pending.reset();
                    discarding = false;
                    continue;
                }
                add(buffer, buffer.length - suffix.length, scans);
            } else if (crlf && b == '\n' && buffer.length == 1) {
                pending.reset(); // the LF of a CR LF after a scan already cut at its CR
            } else if (buffer.length > MAX_SCAN) {
                pending.reset();
                discarding = true; // up to the next suffix
            }
        }
        return scans;
    }

    private void add(byte[] buffer, int length, List<String> scans) {
        pending.reset();
        byte[] body = Arrays.copyOf(buffer, length);
        if (prefix.length > 0 && startsWith(body, prefix)) {
            body = Arrays.copyOfRange(body, prefix.length, body.length);
        }
        String scan = new String(body, StandardCharsets.ISO_8859_1).strip();
        if (!scan.isEmpty()) {
            scans.add(scan);
        }
    }

    private static boolean endsWith(byte[] data, byte[] tail) {
        if (data.length < tail.length) {
            return false;
        }
        for (int i = 0; i < tail.length; i++) {
            if (data[data.length - tail.length + i] != tail[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, byte[] head) {
        return data.length >= head.length && Arrays.equals(Arrays.copyOf(data, head.length), head);
    }
}
