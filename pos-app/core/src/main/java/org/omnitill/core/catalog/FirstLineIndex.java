package org.omnitill.core.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Remembers the line each key was first seen on, for finding duplicate SKUs and barcodes in a
 * catalog file of a million rows without a million {@code String}/{@code Integer} objects: keys are
 * kept as UTF-8 bytes in one growing array, found through an open-addressing table of offsets.
 * About 20 bytes per key plus the key's bytes, against ~120 for a {@code HashMap<String, Integer>}.
 */
final class FirstLineIndex {

    private static final int EMPTY = -1;

    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;
    private int[] offsets;  // into arena, EMPTY for a free slot
    private int[] lines;
    private int size;

    FirstLineIndex() {
        offsets = new int[1 << 10];
        Arrays.fill(offsets, EMPTY);
        lines = new int[offsets.length];
    }

    /**
     * Records {@code key} as first seen on {@code line}, unless it was seen before.
     *
     * @return the line it was first seen on, or {@code 0} when this is the first time
     */
    int putIfAbsent(String key, int line) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if ((size + 1) * 2 > offsets.length) {
            grow();
        }
        int mask = offsets.length - 1;
        int slot = hash(bytes, 0, bytes.length) & mask;
        while (offsets[slot] != EMPTY) {
            if (equalsAt(offsets[slot], bytes)) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        offsets[slot] = store(bytes);
        lines[slot] = line;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private int store(byte[] bytes) {
        int needed = arenaUsed + 4 + bytes.length;
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(needed, arena.length * 2));
        }
        int at = arenaUsed;
        arena[at] = (byte) (bytes.length >>> 24);
        arena[at + 1] = (byte) (bytes.length >>> 16);
        arena[at + 2] = (byte) (bytes.length >>> 8);
        arena[at + 3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, arena, at + 4, bytes.length);
        arenaUsed = needed;
        return at;
    }

    private int lengthAt(int at) {
        return ((arena[at] & 0xff) << 24) | ((arena[at + 1] & 0xff) << 16) | ((arena[at + 2] & 0xff) << 8)
                | (arena[at + 3] & 0xff);
    }

    private boolean equalsAt(int at, byte[] bytes) {
        return lengthAt(at) == bytes.length
                && Arrays.equals(arena, at + 4, at + 4 + bytes.length, bytes, 0, bytes.length);
    }

    private void grow() {
        int[] oldOffsets = offsets;
        int[] oldLines = lines;
        offsets = new int[oldOffsets.length * 2];
        Arrays.fill(offsets, EMPTY);
        lines = new int[offsets.length];
        int mask = offsets.length - 1;
        for (int i = 0; i < oldOffsets.length; i++) {
            int at = oldOffsets[i];
            if (at != EMPTY) {
                int slot = hash(arena, at + 4, lengthAt(at)) & mask;
                while (offsets[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                offsets[slot] = at;
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a, then mixed so that nearby keys spread over the table. */
    private static int hash(byte[] bytes, int from, int length) {
        int h = 0x811c9dc5;
        for (int i = from; i < from + length; i++) {
            h = (h ^ (bytes[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
