package org.omnitill.core.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.staff.ApprovalRefusedException;
import org.omnitill.core.staff.LoginService;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.RolePolicy;
import org.omnitill.core.staff.SignIn;
import org.omnitill.core.staff.StaffMember;

/** Roles, lockouts, badges and approvals against a real till store. */
class StaffSecurityTest {

    @TempDir
    Path dir;
    private Till till;
    private StaffMember alex;
    private StaffMember marta;

    @BeforeEach
    void open() throws Exception {
        till = Till.open(new DataDirectory(dir), true, new PinHasher(1_000, new SecureRandom()));
        alex = till.logins().activeStaff().stream().filter(s -> s.role() == Role.CASHIER).findFirst().orElseThrow();
        marta = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "CASHIER, DISCOUNT, true", "CASHIER, DISCOUNT_ABOVE_LIMIT, false", "CASHIER, PRICE_OVERRIDE, false",
            "CASHIER, VOID_LINE, true", "CASHIER, VOID_SALE, false", "CASHIER, RETURN_WITH_RECEIPT, true",
            "CASHIER, RETURN_WITHOUT_RECEIPT, false", "CASHIER, NO_SALE, false", "CASHIER, CASH_IN_OUT, false",
            "CASHIER, X_REPORT, false", "CASHIER, Z_REPORT, false", "CASHIER, SETTINGS, false",
            "SUPERVISOR, PRICE_OVERRIDE, true", "SUPERVISOR, VOID_SALE, true", "SUPERVISOR, NO_SALE, true",
            "SUPERVISOR, X_REPORT, true", "SUPERVISOR, Z_REPORT, false", "SUPERVISOR, BACK_OFFICE, false",
            "MANAGER, Z_REPORT, true", "MANAGER, BACK_OFFICE, true", "MANAGER, SETTINGS, false",
            "OWNER, SETTINGS, true", "OWNER, Z_REPORT, true"})
    void theDefaultMatrixGrowsWithTrust(Role role, Permission permission, boolean allowed) {
        StaffMember member = new StaffMember(99, "Someone", role);
        assertThat(RolePolicy.defaults().allows(member, permission)).isEqualTo(allowed);
    }

    @Test
    void everyRoleMayDoWhatTheRoleBelowMay() {
        Role[] roles = Role.values();
        RolePolicy policy = RolePolicy.defaults();
        for (int i = 1; i < roles.length; i++) {
            assertThat(policy.permissionsOf(roles[i])).containsAll(policy.permissionsOf(roles[i - 1]));
        }
        assertThat(RolePolicy.withOverrides(java.util.Map.of(Role.CASHIER, EnumSet.of(Permission.NO_SALE)))
                .permissionsOf(Role.CASHIER)).isEqualTo(Set.of(Permission.NO_SALE));
    }

    @Test
    void fiveWrongPinsLockAMemberOutAndTheRightPinWaits() {
        LoginService logins = till.logins();
        for (int i = 1; i <= 4; i++) {
            assertThat(logins.signIn(alex, "0000".toCharArray())).isEqualTo(new SignIn.Refused(5 - i));
        }
        assertThat(logins.signIn(alex, "0000".toCharArray())).isInstanceOf(SignIn.LockedOut.class);
        // the right PIN does not help while locked out, and nothing else changed
        assertThat(logins.signIn(alex, "1111".toCharArray())).isInstanceOf(SignIn.LockedOut.class);
        assertThat(logins.signIn(marta, "2222".toCharArray())).isEqualTo(new SignIn.SignedIn(marta));
        var kinds = till.store().session().audit().inSequences(0, Long.MAX_VALUE).stream().map(r -> r.entry().kind()).toList();
        assertThat(kinds).containsSubsequence("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOCKOUT", "LOGIN");
    }

    @Test
    void aRightPinClearsEarlierFailures() {
        till.logins().signIn(alex, "0000".toCharArray());
        till.logins().signIn(alex, "0000".toCharArray());
        assertThat(till.logins().signIn(alex, "1111".toCharArray())).isInstanceOf(SignIn.SignedIn.class);
        assertThat(till.logins().signIn(alex, "0000".toCharArray())).isEqualTo(new SignIn.Refused(4));
    }

    @Test
    void aBadgeSignsItsOwnerInAndApprovesBySupervisorScan() {
        till.logins().assignBadge(marta, "STAFF-000222");
        assertThat(till.logins().signInByBadge("STAFF-000222")).isEqualTo(new SignIn.SignedIn(marta));
        assertThat(till.logins().signInByBadge("STAFF-999999")).isInstanceOf(SignIn.Refused.class);
        assertThat(till.logins().approveByBadge(Permission.VOID_SALE, alex, "STAFF-000222").approver()).isEqualTo(marta);
    }

    @Test
    void anApprovalNeedsTheRightPinAndARoleThatMayDoIt() {
        assertThatThrownBy(() -> till.logins().approve(Permission.VOID_SALE, alex, marta, "9999".toCharArray()))
                .isInstanceOf(ApprovalRefusedException.class);
        StaffMember other = till.logins().enrol("Casey Cashier", Role.CASHIER, "3333".toCharArray());
        assertThatThrownBy(() -> till.logins().approve(Permission.VOID_SALE, alex, other, "3333".toCharArray()))
                .isInstanceOf(ApprovalRefusedException.class).hasMessageContaining("may not approve");
        assertThat(till.logins().approve(Permission.VOID_SALE, alex, marta, "2222".toCharArray()).approver()).isEqualTo(marta);
    }
}
