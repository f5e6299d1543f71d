package org.omnitill.core.staff;

import java.time.Instant;

/** The outcome of a PIN or badge. */
public sealed interface SignIn {

    record SignedIn(StaffMember member) implements SignIn {
    }

    /** Wrong PIN (or a badge nobody has); {@code attemptsLeft} before a lockout, -1 when not counted. */
    record Refused(int attemptsLeft) implements SignIn {
    }

    /** Too many wrong PINs: no PIN is checked until {@code until}. */
    record LockedOut(Instant until) implements SignIn {
    }
}
