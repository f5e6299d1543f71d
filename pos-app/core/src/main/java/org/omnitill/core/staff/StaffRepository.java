package org.omnitill.core.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Staff as the store keeps them. */
public interface StaffRepository {

    /** What sign-in checks: the PIN hash and the member's lockout state. */
    record Credentials(String pinHash, int failedAttempts, Instant lockedUntil) {
    }

    /** Active staff, in name order, for the sign-in screen. */
    List<StaffMember> findActive();

    Optional<StaffMember> find(long staffId);

    /** The stored PIN hash of an active staff member. */
    Optional<String> pinHash(long staffId);

    Optional<Credentials> credentials(long staffId);

    /** Stores the failure count and, when locked out, until when. */
    void recordFailures(long staffId, int failedAttempts, Instant lockedUntil);

    /** The active member whose badge hashes to {@code badgeHash}. */
    Optional<StaffMember> findByBadge(String badgeHash);

    /** Sets (or, with {@code null}, removes) a member's badge. */
    void setBadge(long staffId, String badgeHash);

    /** Adds a staff member with an already hashed PIN; returns it with its id. */
    StaffMember add(String displayName, Role role, String pinHash);
}
