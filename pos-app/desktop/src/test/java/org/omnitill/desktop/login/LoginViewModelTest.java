package org.omnitill.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.Till;
import org.omnitill.core.staff.StaffMember;
import org.omnitill.desktop.TestTill;

class LoginViewModelTest {

    @TempDir
    Path dir;
    private Till till;
    private final List<StaffMember> signedIn = new ArrayList<>();
    private LoginViewModel model;

    @BeforeEach
    void openDemoTill() throws Exception {
        till = TestTill.demo(dir);
        model = new LoginViewModel(till.logins(), TestTill.directTasks(), TestTill.english(), signedIn::add);
        model.load();
    }

    @AfterEach
    void close() throws Exception {
        till.close();
    }

    private StaffMember cashier() {
        return model.staff().stream().filter(s -> s.displayName().equals(TestTill.CASHIER)).findFirst().orElseThrow();
    }

    private void typePin(String pin) {
        pin.chars().forEach(c -> model.typeDigit((char) c));
    }

    @Test
    void listsTheActiveStaff() {
        assertThat(model.staff()).extracting(StaffMember::displayName).containsExactly("Alex Romero", "Marta Ruiz", "Olga Navarro");
    }

    @Test
    void theRightPinSignsIn() {
        model.selectedProperty().set(cashier());
        typePin(TestTill.CASHIER_PIN);

        model.signIn();

        assertThat(signedIn).containsExactly(cashier());
        assertThat(model.pinProperty().get()).isEmpty();
    }

    @Test
    void aWrongPinSaysSoAndSignsNobodyIn() {
        model.selectedProperty().set(cashier());
        typePin("9999");

        model.signIn();

        assertThat(signedIn).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("That PIN is not right. 4 tries left before this user is locked out.");
        assertThat(model.pinProperty().get()).isEmpty();
    }

    @Test
    void signingInNeedsAPersonAndAtLeastFourDigits() {
        typePin("1111");
        assertThat(model.canSignInProperty().get()).isFalse();

        model.signIn();
        assertThat(model.messageProperty().get()).isEqualTo("Pick your name first.");

        model.selectedProperty().set(cashier());
        typePin("111");
        assertThat(model.canSignInProperty().get()).isFalse();
        typePin("1");
        assertThat(model.canSignInProperty().get()).isTrue();
    }

    @Test
    void theKeypadTakesDigitsOnlyAndAtMostEight() {
        model.selectedProperty().set(cashier());
        typePin("12a3456789");
        assertThat(model.pinProperty().get()).isEqualTo("12345678");

        model.backspace();
        assertThat(model.pinProperty().get()).isEqualTo("1234567");
        model.clearPin();
        assertThat(model.pinProperty().get()).isEmpty();
    }

    @Test
    void pickingAnotherPersonClearsThePin() {
        model.selectedProperty().set(cashier());
        typePin("12");

        model.selectedProperty().set(model.staff().get(1));

        assertThat(model.pinProperty().get()).isEmpty();
    }
}
