package org.omnitill.desktop.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.cash.CashMovement;
import org.omnitill.core.cash.CashOffice;
import org.omnitill.core.report.ReportDocument;
import org.omnitill.core.staff.Permission;
import org.omnitill.core.staff.Role;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.TestTill;

/** The cash office as the cashier Alex uses it, with Marta approving what Alex may not do. */
class CashOfficeViewModelTest {

    @TempDir
    Path dir;
    private Till till;
    private CashOfficeViewModel model;
    private final List<Permission> asked = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        till = TestTill.demo(dir);
        StaffMember alex = till.logins().activeStaff().stream().filter(s -> s.role() == Role.CASHIER).findFirst().orElseThrow();
        StaffMember marta = till.logins().activeStaff().stream().filter(s -> s.role() == Role.MANAGER).findFirst().orElseThrow();
        model = new CashOfficeViewModel(till, alex, TestTill.directTasks(), TestTill.english(), (permission, approved, refused) -> {
            asked.add(permission);
            approved.accept(till.logins().approve(permission, alex, marta, "2222".toCharArray()));
        });
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    @Test
    void aShiftFromFloatToBlindCountToTheZ() {
        model.load();
        assertThat(model.shiftProperty().get()).contains("No shift is open");
        model.openShift(model.parse(Map.of(new BigDecimal("20"), "5")), () -> { });
        assertThat(model.shiftProperty().get()).contains("Drawer TILL", "Alex Romero", "€100.00");

        model.move(CashMovement.Kind.PAID_OUT, "12.50", "SUPPLIES", "cleaning");
        assertThat(asked).containsExactly(Permission.CASH_IN_OUT);
        assertThat(model.messageProperty().get()).isEqualTo("Paid out: €12.50 recorded.");

        AtomicReference<CashOffice.CloseCheck> check = new AtomicReference<>();
        model.check(model.parse(Map.of(new BigDecimal("20"), "4", new BigDecimal("5"), "1", new BigDecimal("2"), "1",
                new BigDecimal("0.50"), "1")), check::set); // 87.50
        assertThat(check.get().expected().amount()).isEqualByComparingTo("87.50");
        assertThat(check.get().variance().isZero()).isTrue();
        model.close(check.get(), null, () -> { });
        assertThat(model.messageProperty().get()).startsWith("Shift closed: counted €87.50");

        List<ReportDocument> shown = new ArrayList<>();
        model.closeDay(Locale.UK, shown::add);
        assertThat(asked).contains(Permission.Z_REPORT);
        assertThat(shown).singleElement().satisfies(z -> assertThat(z.title()).isEqualTo("Z report (end of day)"));

        model.rangeReport(CashOfficeViewModel.RangeReport.EXCEPTIONS, LocalDate.now(), LocalDate.now(), Locale.UK, shown::add);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1).sections().get(1).rows()).anySatisfy(row -> assertThat(row.get(0)).contains("PAID_OUT"));
    }

    @Test
    void aCountWithLettersIsRefusedWithWhatIsWrong() {
        assertThat(model.parse(Map.of(new BigDecimal("20"), "2O"))).isNull();
        assertThat(model.messageProperty().get()).contains("'2O' is not a whole number");
        assertThat(till.cashOffice().openShifts()).isEmpty();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        model.rangeReport(CashOfficeViewModel.RangeReport.SALES, LocalDate.now(), LocalDate.now().minusDays(1), Locale.UK,
                report -> { throw new AssertionError("no report"); });
        assertThat(model.messageProperty().get()).contains("the last not before the first");
    }
}
