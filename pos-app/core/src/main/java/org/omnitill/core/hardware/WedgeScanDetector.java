package org.omnitill.core.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.omnitill.core.config.HardwareSettings;

/**
 * Tells a keyboard-wedge scanner from a person typing, by timing alone. A scanner "types" a whole
 * code in a burst, a few milliseconds a key, and ends it with Enter (or a configured suffix); people
 * leave 80 ms or more between keys on average, and never keep a whole code under the limit.
 *
 * <p>The window feeds every typed character here (with the time it arrived) before it reaches the
 * control that has the focus. Characters are <b>held</b> while they could still be a scan. A held
 * burst is a {@link Decision#scan() scan} when the suffix arrives, the burst has at least
 * {@code minLength} characters and its keys came {@code maxGap} apart or less <i>on average</i> (so
 * one stall of the UI thread in the middle of a scan does not break it). Otherwise the burst is
 * <b>released</b>, in order, to the control that was to get it: when nothing comes for
 * {@code hold} ({@link #expire}), when the average shows it is typing (from the third key on; the
 * keys that follow pass straight through until the typing pauses), when another key comes, or when
 * the suffix ends a burst that is no code. So a scan never lands in the wrong field, and typing
 * reaches its field at most {@code hold} late.
 *
 * <p>Pure and single-threaded (the UI thread calls it); {@code K} is whatever the caller needs to
 * deliver a held key later (a key event).
 *
 * <p>Thresholds (ADR 17): {@code maxGap} 35 ms average (USB scanners send a key every 1-10 ms, slow
 * ones ~20 ms; a person averages 100 ms or more), {@code hold} 80 ms (a stall of the UI thread of
 * 50 ms was seen in the middle of a scan under Xvfb), {@code minLength} 6 (UPC-E, the shortest
 * retail code, has 6 digits before its check digit).
 *
 * @param <K> a key as the caller delivers it
 */
public final class WedgeScanDetector<K> {

    /** A scan never has more characters than this; a longer burst is typing (or a paste) and is released. */
    static final int MAX_LENGTH = 128;

    /**
     * What to do with a key.
     *
     * @param release keys held before, to deliver now, in order, before anything else
     * @param consume whether the key given is swallowed (held, or the end of a scan)
     * @param scan    the code scanned, or {@code null}
     */
    public record Decision<K>(List<K> release, boolean consume, String scan) {
        public Decision {
            release = List.copyOf(release);
        }
    }

    private record Held<K>(K key, char character) {
    }

    private final long maxGapNanos;
    private final long holdNanos;
    private final int minLength;
    private final char suffix;
    private final List<Held<K>> held = new ArrayList<>();
    private long firstNanos;
    private long lastNanos;
    private boolean typing; // keys pass straight through until a pause of hold

    public WedgeScanDetector(HardwareSettings.Wedge settings) {
        Objects.requireNonNull(settings, "settings");
        this.maxGapNanos = settings.maxGapMillis() * 1_000_000L;
        this.holdNanos = settings.holdMillis() * 1_000_000L;
        this.minLength = settings.minLength();
        this.suffix = suffixCharacter(settings.suffix());
    }

    /** {@code enter} is CR, {@code tab} is TAB, else the one character given. */
    static char suffixCharacter(String suffix) {
        return switch (suffix.toLowerCase(java.util.Locale.ROOT)) {
            case "enter", "cr" -> '\r';
            case "tab" -> '\t';
            default -> {
                if (suffix.length() != 1) {
                    throw new IllegalArgumentException("a wedge suffix is enter, tab or one character, not '" + suffix + "'");
                }
                yield suffix.charAt(0);
            }
        };
    }

    /** Whether {@code c} ends a scan ({@code \n} counts as Enter too). */
    public boolean isSuffix(char c) {
        return c == suffix || (suffix == '\r' && c == '\n');
    }

    /**
     * A key that types {@code c} arrived at {@code nanos} ({@link System#nanoTime()} or any monotonic clock).
     * Enter is passed as {@code '\r'}.
     */
    public Decision<K> typed(K key, char c, long nanos) {
        List<K> release = new ArrayList<>();
        boolean paused = nanos - lastNanos > holdNanos;
        if (!held.isEmpty() && paused) {
            release.addAll(releaseAll());
        }
        if (typing && !paused) {
            lastNanos = nanos; // a person is typing: straight through
            return new Decision<>(release, false, null);
        }
        typing = false;
        if (isSuffix(c)) {
            if (held.size() >= minLength && (nanos - firstNanos) <= maxGapNanos * held.size()) {
                StringBuilder code = new StringBuilder(held.size());
                held.forEach(h -> code.append(h.character()));
                held.clear();
                lastNanos = nanos;
                return new Decision<>(release, true, code.toString());
            }
            release.addAll(releaseAll());
            lastNanos = nanos;
            return new Decision<>(release, false, null);
        }
        if (Character.isISOControl(c)) { // backspace, escape...: typing
            release.addAll(releaseAll());
            lastNanos = nanos;
            return new Decision<>(release, false, null);
        }
        if (held.size() >= MAX_LENGTH) {
            release.addAll(releaseAll());
        }
        if (held.isEmpty()) {
            firstNanos = nanos;
        }
        lastNanos = nanos;
        if (held.size() >= 2 && (nanos - firstNanos) > maxGapNanos * held.size()) {
            // three keys or more, slower than any scanner on average: a person typing
            release.addAll(releaseAll());
            typing = true;
            return new Decision<>(release, false, null);
        }
        held.add(new Held<>(key, c));
        return new Decision<>(release, true, null);
    }

    /** Any other key (arrows, function keys): whatever is held is typing; deliver it before that key. */
    public List<K> otherKey() {
        typing = false;
        return releaseAll();
    }

    /** Called when {@link #deadline()} has passed: a held burst that went quiet is typing. */
    public List<K> expire(long nanos) {
        if (!held.isEmpty() && nanos - lastNanos > holdNanos) {
            return releaseAll();
        }
        return List.of();
    }

    /** When held keys are to be released if nothing more comes; empty when nothing is held. */
    public OptionalLong deadline() {
        return held.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lastNanos + holdNanos + 1);
    }

    /** Whether keys are being held. */
    public boolean holding() {
        return !held.isEmpty();
    }

    private List<K> releaseAll() {
        List<K> keys = held.stream().map(Held::key).toList();
        held.clear();
        return keys;
    }
}
