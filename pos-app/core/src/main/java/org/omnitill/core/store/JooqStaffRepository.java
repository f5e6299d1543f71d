package org.omnitill.core.store;

import static org.omnitill.core.store.jooq.Tables.STAFF;

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
