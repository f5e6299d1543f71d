package org.omnitill.core.staff;

import java.util.List;
import java.util.Optional;

/** Staff as the store keeps them. */
public interface StaffRepository {

    /** Active staff, in name order, for the sign-in screen. */
    List<StaffMember> findActive();

    /** The stored PIN hash of an active staff member. */
    Optional<String> pinHash(long staffId);

    /** Adds a staff member with an already hashed PIN; returns it with its id. */
    StaffMember add(String displayName, Role role, String pinHash);
}
