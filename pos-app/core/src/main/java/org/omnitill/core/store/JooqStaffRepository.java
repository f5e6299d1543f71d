package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.STAFF;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.core.staff.StaffRepository;

final class JooqStaffRepository implements StaffRepository {

    private final DSLContext dsl;

    JooqStaffRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<StaffMember> findActive() {
        return dsl.select(STAFF.ID, STAFF.DISPLAY_NAME, STAFF.ROLE)
                .from(STAFF)
                .where(STAFF.ACTIVE.isTrue())
                .orderBy(STAFF.DISPLAY_NAME, STAFF.ID)
                .fetch(r -> new StaffMember(r.get(STAFF.ID), r.get(STAFF.DISPLAY_NAME), Role.valueOf(r.get(STAFF.ROLE))));
    }

    @Override
    public Optional<String> pinHash(long staffId) {
        return dsl.select(STAFF.PIN_HASH)
                .from(STAFF)
                .where(STAFF.ID.eq(staffId).and(STAFF.ACTIVE.isTrue()))
                .fetchOptional(STAFF.PIN_HASH);
    }

    @Override
    public Optional<StaffMember> find(long staffId) {
        return dsl.select(STAFF.ID, STAFF.DISPLAY_NAME, STAFF.ROLE)
                .from(STAFF)
                .where(STAFF.ID.eq(staffId))
                .fetchOptional(r -> new StaffMember(r.get(STAFF.ID), r.get(STAFF.DISPLAY_NAME), Role.valueOf(r.get(STAFF.ROLE))));
    }

    @Override
    public Optional<Credentials> credentials(long staffId) {
        return dsl.select(STAFF.PIN_HASH, STAFF.FAILED_ATTEMPTS, STAFF.LOCKED_UNTIL)
                .from(STAFF)
                .where(STAFF.ID.eq(staffId).and(STAFF.ACTIVE.isTrue()))
                .fetchOptional(r -> new Credentials(r.value1(), r.value2(), r.value3() == null ? null : r.value3().toInstant()));
    }

    @Override
    public void recordFailures(long staffId, int failedAttempts, Instant lockedUntil) {
        dsl.update(STAFF)
                .set(STAFF.FAILED_ATTEMPTS, failedAttempts)
                .set(STAFF.LOCKED_UNTIL, lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC))
                .where(STAFF.ID.eq(staffId))
                .execute();
    }

    @Override
    public Optional<StaffMember> findByBadge(String badgeHash) {
        return dsl.select(STAFF.ID, STAFF.DISPLAY_NAME, STAFF.ROLE)
                .from(STAFF)
                .where(STAFF.BADGE_HASH.eq(badgeHash).and(STAFF.ACTIVE.isTrue()))
                .fetchOptional(r -> new StaffMember(r.get(STAFF.ID), r.get(STAFF.DISPLAY_NAME), Role.valueOf(r.get(STAFF.ROLE))));
    }

    @Override
    public void setBadge(long staffId, String badgeHash) {
        dsl.update(STAFF).set(STAFF.BADGE_HASH, badgeHash).where(STAFF.ID.eq(staffId)).execute();
    }

    @Override
    public StaffMember add(String displayName, Role role, String pinHash) {
        long id = dsl.insertInto(STAFF)
                .set(STAFF.DISPLAY_NAME, displayName)
                .set(STAFF.ROLE, role.name())
                .set(STAFF.PIN_HASH, pinHash)
                .returning(STAFF.ID)
                .fetchSingle(STAFF.ID);
        return new StaffMember(id, displayName, role);
    }
}
