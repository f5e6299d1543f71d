package org.omnitill.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.omnitill.core.staff.PinHasher;

/** A demo till in a temporary directory, with a PIN hash cheap enough for tests. */
public final class TestTill {

    public static final PinHasher FAST_PINS = new PinHasher(1_000, new SecureRandom());
    /** Demo catalog: "Granja Alba Free Range Eggs Large 12 Pack", 3.29, sold by the piece. */
    public static final String EGGS = "8414850557430";
    /** Demo catalog: "La Huerta Cherry Tomatoes 250 g", 1.39, sold by the piece. */
    public static final String TOMATOES = "8438438405715";
    /** Demo catalog: "Bananas Canary Islands", 2.29 per kg. */
    public static final String BANANAS = "8471933596977";
    /** Demo cashier and PIN. */
    public static final String CASHIER = "Alex Romero";
    public static final String CASHIER_PIN = "1111";

    private TestTill() {
    }

    public static Till demo(Path dir) throws IOException {
        return Till.open(new DataDirectory(dir), true, FAST_PINS);
    }

    /** Runs work and delivers results on the calling thread: view-model tests need no toolkit. */
    public static Tasks directTasks() {
        return new Tasks(Runnable::run, Runnable::run);
    }

    public static Messages english() {
        return new Messages(Locale.ENGLISH);
    }
}
