package org.omnitill.core.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.omnitill.core.config.HardwareSettings;

class WedgeScanDetectorTest {

    private static final long MS = 1_000_000L;

    /** Plays keys through the detector the way the window does, recording what each field gets. */
    private static final class Keyboard {
        final WedgeScanDetector<Character> detector;
        final StringBuilder field = new StringBuilder();
        final List<String> scans = new ArrayList<>();
        long now = 1_000 * MS;

        Keyboard(HardwareSettings.Wedge settings) {
            detector = new WedgeScanDetector<>(settings);
        }

        Keyboard type(String text, long gapMillis) {
            for (char c : text.toCharArray()) {
                now += gapMillis * MS;
                // the window's timer: held keys whose deadline passed are released before the next key
                if (detector.deadline().isPresent() && detector.deadline().getAsLong() <= now) {
                    detector.expire(now).forEach(field::append);
                }
                WedgeScanDetector.Decision<Character> decision = detector.typed(c, c, now);
                decision.release().forEach(field::append);
                if (decision.scan() != null) {
                    scans.add(decision.scan());
                } else if (!decision.consume()) {
                    field.append(c == '\r' ? "⏎" : String.valueOf(c));
                }
            }
            return this;
        }

        Keyboard pause(long millis) {
            now += millis * MS;
            detector.expire(now).forEach(field::append);
            return this;
        }
    }

    private static Keyboard keyboard() {
        return new Keyboard(HardwareSettings.Wedge.defaults());
    }

    @Test
    void aFastBurstEndingInEnterIsAScanAndNothingReachesTheField() {
        Keyboard keys = keyboard().type("8414850557430\r", 4);

        assertThat(keys.scans).containsExactly("8414850557430");
        assertThat(keys.field).isEmpty();
    }

    @Test
    void personTypingReachesTheFieldInOrderWithEnter() {
        Keyboard keys = keyboard().type("12.50\r", 140);

        assertThat(keys.scans).isEmpty();
        assertThat(keys.field).hasToString("12.50⏎");
    }

    @Test
    void aFastTypistsShortBurstIsStillTyping() {
        // two keys 20 ms apart, then a pause: released after the pause, not a scan
        Keyboard keys = keyboard().type("ab", 20).pause(100).type("c\r", 150);

        assertThat(keys.scans).isEmpty();
        assertThat(keys.field).hasToString("abc⏎");
    }

    @Test
    void aBurstTooShortForACodeIsReleasedAtItsEnter() {
        Keyboard keys = keyboard().type("123\r", 3);

        assertThat(keys.scans).isEmpty();
        assertThat(keys.field).hasToString("123⏎");
    }

    @Test
    void aScanInTheMiddleOfTypingIsTakenOutAndTheTypingKept() {
        Keyboard keys = keyboard().type("4", 200).pause(300).type("8438438405715\r", 5).pause(300).type("2", 200).pause(100);

        assertThat(keys.scans).containsExactly("8438438405715");
        assertThat(keys.field).hasToString("42");
    }

    @Test
    void aSlowMiddleBreaksTheBurst() {
        // a scanner would never pause 120 ms in the middle of a code
        Keyboard keys = keyboard().type("841485", 4).type("0557430\r", 120);

        assertThat(keys.scans).isEmpty();
        assertThat(keys.field).hasToString("8414850557430⏎");
    }

    @Test
    void aConfiguredSuffixEndsTheScan() {
        Keyboard keys = new Keyboard(new HardwareSettings.Wedge(20, 80, 4, "tab")).type("ABC-123\t", 2);

        assertThat(keys.scans).containsExactly("ABC-123");
    }

    @Test
    void twoScansBackToBack() {
        Keyboard keys = keyboard().type("8414850557430\r", 3).type("8438438405715\r", 3);

        assertThat(keys.scans).containsExactly("8414850557430", "8438438405715");
        assertThat(keys.field).isEmpty();
    }

    @Test
    void anotherKeyReleasesWhatIsHeldFirst() {
        WedgeScanDetector<Character> detector = new WedgeScanDetector<>(HardwareSettings.Wedge.defaults());
        detector.typed('x', 'x', 0);
        detector.typed('y', 'y', 5 * MS);

        assertThat(detector.otherKey()).containsExactly('x', 'y');
        assertThat(detector.holding()).isFalse();
        assertThat(detector.deadline()).isEmpty();
    }

    @Test
    void oneStallOfTheWindowInTheMiddleOfAScanDoesNotBreakIt() {
        // seen under Xvfb: a 50 ms gap between two keys of a 13-digit scan, the others 2-5 ms apart
        Keyboard keys = keyboard().type("841485055743", 4).type("0", 50).type("\r", 3);

        assertThat(keys.scans).containsExactly("8414850557430");
        assertThat(keys.field).isEmpty();
    }

    @Test
    void steadyTypingFlowsThroughAfterTheThirdKeyAndIsNeverAScan() {
        Keyboard keys = keyboard().type("1234", 70);

        assertThat(keys.field).hasToString("1234"); // no pause needed: the average showed it was typing
        keys.type("5678\r", 70);
        assertThat(keys.scans).isEmpty();
        assertThat(keys.field).hasToString("12345678⏎");
    }
}
