package org.omnitill.core.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Signs staff in by PIN. Lockout after repeated failures, badges and permissions arrive with the
 * staff issue; until then every signed-in user may do everything, and the screen says so.
 */
public final class LoginService {

    private final StaffRepository staff;
    private final PinHasher hasher;

    public LoginService(StaffRepository staff, PinHasher hasher) {
        this.staff = staff;
        this.hasher = hasher;
    }

    public List<StaffMember> activeStaff() {
        return staff.findActive();
    }

    /**
     * Checks the PIN of one staff member. The PIN array is wiped before returning.
     *
     * @return the member when the PIN matches, empty otherwise
     */
    public Optional<StaffMember> signIn(StaffMember member, char[] pin) {
        try {
            if (!PinHasher.isWellFormed(pin)) {
                return Optional.empty();
            }
            Optional<String> stored = staff.pinHash(member.id());
            return stored.filter(hash -> hasher.matches(pin, hash)).map(hash -> member);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** Adds a staff member with a new PIN. */
    public StaffMember enrol(String displayName, Role role, char[] pin) {
        try {
            return staff.add(displayName, role, hasher.hash(pin));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
