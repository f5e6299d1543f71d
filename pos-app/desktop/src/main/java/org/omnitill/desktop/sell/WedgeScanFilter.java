package org.omnitill.desktop.sell;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.omnitill.core.config.HardwareSettings;
import org.omnitill.core.hardware.WedgeScanDetector;

/**
 * Recognises keyboard-wedge scans anywhere in a window, by their timing ({@link WedgeScanDetector}),
 * so a scan never lands in whatever field or button has the focus: typed characters are held for a
 * few milliseconds while they could be a scan; a scan goes to {@code onScan}; typing is handed on to
 * the focused control, in order, as it was typed. Where {@code passThrough} says so (the scan field
 * itself, which takes scans as typing), keys are not held at all.
 */
public final class WedgeScanFilter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WedgeScanFilter.class);

    private final WedgeScanDetector<KeyEvent> detector;
    private final Consumer<String> onScan;
    private final Predicate<Node> passThrough;
    private final PauseTransition expiry = new PauseTransition();
    private Scene scene;
    private boolean replaying;
    private boolean swallowEnterRelease;
    private final EventHandler<KeyEvent> typedFilter = this::typed;
    private final EventHandler<KeyEvent> pressedFilter = this::pressed;
    private final EventHandler<KeyEvent> releasedFilter = this::released;

    public WedgeScanFilter(HardwareSettings.Wedge settings, Consumer<String> onScan, Predicate<Node> passThrough) {
        this.detector = new WedgeScanDetector<>(settings);
        this.onScan = Objects.requireNonNull(onScan, "onScan");
        this.passThrough = Objects.requireNonNull(passThrough, "passThrough");
        expiry.setOnFinished(event -> {
            replay(detector.expire(System.nanoTime()));
            armExpiry(); // a timer that fired a little early waits for the rest
        });
    }

    public void install(Scene target) {
        uninstall();
        scene = target;
        scene.addEventFilter(KeyEvent.KEY_TYPED, typedFilter);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, releasedFilter);
    }

    public void uninstall() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_TYPED, typedFilter);
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
            scene.removeEventFilter(KeyEvent.KEY_RELEASED, releasedFilter);
            expiry.stop();
            replay(detector.otherKey());
            scene = null;
        }
    }

    private boolean active() {
        Node focus = scene == null ? null : scene.getFocusOwner();
        return !replaying && !(focus != null && passThrough.test(focus));
    }

    private void typed(KeyEvent event) {
        if (!active() || event.getCharacter().isEmpty() || event.getCharacter().equals(KeyEvent.CHAR_UNDEFINED)) {
            return;
        }
        char c = event.getCharacter().charAt(0);
        if (c == '\r' || c == '\n') {
            return; // Enter is decided on KEY_PRESSED
        }
        decide(event, c);
    }

    private void pressed(KeyEvent event) {
        if (!active()) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.TAB) {
            WedgeScanDetector.Decision<KeyEvent> decision = detector.typed(event, event.getCode() == KeyCode.ENTER ? '\r' : '\t',
                    System.nanoTime());
            replay(decision.release());
            if (decision.scan() != null) {
                event.consume();
                swallowEnterRelease = true;
                expiry.stop();
                LOG.debug("wedge: a scan of {} characters", decision.scan().length());
                onScan.accept(decision.scan());
            }
            return;
        }
        if (event.getText().isEmpty() && !event.getCode().isModifierKey()) {
            // arrows, function keys, Escape...: what is held was typing, and goes first
            expiry.stop();
            replay(detector.otherKey());
        }
    }

    private void released(KeyEvent event) {
        if (swallowEnterRelease && (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.TAB)) {
            swallowEnterRelease = false;
            event.consume();
        }
    }

    private void decide(KeyEvent event, char c) {
        WedgeScanDetector.Decision<KeyEvent> decision = detector.typed(event, c, System.nanoTime());
        replay(decision.release());
        if (decision.consume()) {
            event.consume();
        }
        if (decision.scan() != null) {
            onScan.accept(decision.scan());
        }
        armExpiry();
    }

    /** Releases held keys when the detector's deadline passes without another key. */
    private void armExpiry() {
        detector.deadline().ifPresentOrElse(deadline -> {
            expiry.stop();
            expiry.setDuration(Duration.millis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000.0)));
            expiry.playFromStart();
        }, expiry::stop);
    }

    /** Hands held keys on to the control that has the focus now, as if typed now. */
    private void replay(List<KeyEvent> keys) {
        if (keys.isEmpty() || scene == null) {
            return;
        }
        LOG.debug("wedge: {} key(s) were typing, handed on", keys.size());
        EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene;
        replaying = true;
        try {
            for (KeyEvent key : keys) {
                Event.fireEvent(target, key.copyFor(target, target));
            }
        } finally {
            replaying = false;
        }
    }
}
