package org.omnitill.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.staff.PinHasher;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.SignIn;
import org.omnitill.core.staff.StaffMember;

class TillTest {

    private static final PinHasher FAST = new PinHasher(1_000, new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void demoModeSeedsAStoreACashierCanSignInTo() throws Exception {
        try (Till till = Till.open(new DataDirectory(dir), true, FAST)) {
            assertThat(till.settings().storeName()).isEqualTo("Omnitill Demo Market");
            assertThat(till.store().session().catalog().productCount()).isGreaterThan(300);
            assertThat(till.store().session().catalog().taxRates()).hasSize(2);
            Product bananas = till.store().session().catalog().findByBarcode("8471933596977").orElseThrow();
            assertThat(bananas.name()).isEqualTo("Bananas Canary Islands");

            StaffMember alex = till.logins().activeStaff().stream()
                    .filter(s -> s.role() == Role.CASHIER).findFirst().orElseThrow();
            assertThat(till.logins().signIn(alex, "1111".toCharArray())).isEqualTo(new SignIn.SignedIn(alex));
            assertThat(till.logins().signIn(alex, "9999".toCharArray())).isInstanceOf(SignIn.Refused.class);
        }
    }

    @Test
    void reopeningTheDemoSeedsNothingTwice() throws Exception {
        long products;
        try (Till till = Till.open(new DataDirectory(dir), true, FAST)) {
            products = till.store().session().catalog().productCount();
        }
        try (Till till = Till.open(new DataDirectory(dir), true, FAST)) {
            assertThat(till.store().session().catalog().productCount()).isEqualTo(products);
            assertThat(till.logins().activeStaff()).hasSize(3);
        }
    }

    @Test
    void aSecondTillOnTheSameDirectoryIsRefusedWithAClearMessage() throws Exception {
        try (Till first = Till.open(new DataDirectory(dir), false, FAST)) {
            assertThat(first.directory().root()).isEqualTo(dir.toAbsolutePath());
            assertThatThrownBy(() -> Till.open(new DataDirectory(dir), false, FAST))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining("--data-dir");
        }
        // released on close: a new till may open it
        try (Till again = Till.open(new DataDirectory(dir), false, FAST)) {
            assertThat(again.store().session().catalog().productCount()).isZero();
        }
    }

    @Test
    void losingAndRegainingTheHubAreJournalDocuments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path other) throws Exception {
        try (Till till = Till.open(new DataDirectory(other), true, new PinHasher(1_000, new java.security.SecureRandom()))) {
            java.util.function.Function<org.omnitill.core.sync.SyncStatus.State, org.omnitill.core.sync.SyncStatus> status =
                    state -> new org.omnitill.core.sync.SyncStatus(state, 2, 0, null, state.name().equals("OFFLINE") ? "connection refused" : null);
            till.hubStateChanged(status.apply(org.omnitill.core.sync.SyncStatus.State.NOT_ENROLLED));
            till.hubStateChanged(status.apply(org.omnitill.core.sync.SyncStatus.State.ONLINE));
            till.hubStateChanged(status.apply(org.omnitill.core.sync.SyncStatus.State.OFFLINE));
            till.hubStateChanged(status.apply(org.omnitill.core.sync.SyncStatus.State.OFFLINE)); // still offline: nothing new
            till.hubStateChanged(status.apply(org.omnitill.core.sync.SyncStatus.State.ONLINE));
            java.util.List<String> bodies = new java.util.ArrayList<>();
            till.store().session().journal().forEach(e -> {
                if (e.type().equals(Till.HUB_CONNECTION)) {
                    bodies.add(e.body());
                }
            });
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(0)).contains("\"state\":\"OFFLINE\"", "connection refused");
            assertThat(bodies.get(1)).contains("\"state\":\"ONLINE\"");
        }
    }
}
