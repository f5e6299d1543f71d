package org.omnitill.desktop.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.config.SettingsStore;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.desktop.TestTill;

class HardwareSettingsViewModelTest {

    @TempDir
    Path dir;
    private SettingsStore settings;
    private final FakeDevices devices = new FakeDevices();
    private HardwareSettingsViewModel model;

    /** Devices that answer at once and remember what they were asked. */
    static final class FakeDevices implements DeviceActions {
        final List<String> calls = new ArrayList<>();
        Consumer<String> scanner;

        @Override
        public List<String> printerSuggestions() {
            return List.of("serial:/dev/ttyUSB0?baud=38400", "system:Receipt");
        }

        @Override
        public List<String> serialSuggestions() {
            return List.of("serial:/dev/ttyUSB0?baud=9600");
        }

        @Override
        public String testPrint(String printer) {
            calls.add("test-print " + printer);
            return printer;
        }

        @Override
        public String openDrawer(String printer, String drawer) {
            calls.add("drawer " + printer + " " + drawer);
            return "drawer on " + printer;
        }

        @Override
        public DeviceState printerStatus(String printer) {
            return new DeviceState(PrinterCondition.PAPER_OUT, Boolean.TRUE);
        }

        @Override
        public AutoCloseable listen(String scannerConnection, Consumer<String> onScan) {
            calls.add("listen " + scannerConnection);
            scanner = onScan;
            return () -> calls.add("stop " + scannerConnection);
        }
    }

    @BeforeEach
    void open() {
        settings = new SettingsStore(dir.resolve("settings.json"));
        settings.save(TillSettings.defaults());
        model = new HardwareSettingsViewModel(settings, devices, TestTill.directTasks(), Runnable::run, TestTill.english());
        model.load();
    }

    @Test
    void offersTheDetectedDevicesAndSavesWhatWasTypedForThisTill() {
        assertThat(model.printerChoices()).contains("serial:/dev/ttyUSB0?baud=38400", "system:Receipt");
        assertThat(model.scannersProperty().get()).isEqualTo("wedge");

        model.printerProperty().set("serial:/dev/ttyUSB0?baud=38400&logo=nv");
        model.drawerProperty().set("printer?pin=5");
        model.displayProperty().set("serial:/dev/ttyUSB1?baud=9600");
        model.scannersProperty().set("wedge\nserial:/dev/ttyACM0?suffix=CR");
        model.save();

        TillSettings saved = settings.load();
        assertThat(saved.printer()).contains("serial:/dev/ttyUSB0?baud=38400&logo=nv");
        assertThat(saved.hardware().cashDrawer()).isEqualTo("printer?pin=5");
        assertThat(saved.hardware().customerDisplay()).isEqualTo("serial:/dev/ttyUSB1?baud=9600");
        assertThat(saved.hardware().scanners()).containsExactly("wedge", "serial:/dev/ttyACM0?suffix=CR");
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("next start");
    }

    @Test
    void nonsenseIsNotSavedAndSaysWhy() {
        model.printerProperty().set("usb:whatever");
        model.save();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("unknown connection type");
        assertThat(settings.load().printer()).isEmpty();

        model.printerProperty().set("");
        model.drawerProperty().set("printer");
        model.save();
        assertThat(model.messageProperty().get()).contains("set the printer first");
    }

    @Test
    void triesTheDevicesTyped() {
        model.printerProperty().set("tcp:192.0.2.10:9100");
        model.testPrint();
        assertThat(model.messageProperty().get()).isEqualTo("Test page sent to tcp:192.0.2.10:9100.");
        model.openDrawer();
        model.printerStatus();

        assertThat(devices.calls).containsExactly("test-print tcp:192.0.2.10:9100", "drawer tcp:192.0.2.10:9100 printer");
        assertThat(model.messageProperty().get()).isEqualTo("The printer says: out of paper; drawer switch high");
    }

    @Test
    void showsWhatTheScannersSendButNeverCardData() {
        model.scannersProperty().set("wedge\nserial:/dev/ttyACM0");
        model.toggleListening();
        devices.scanner.accept("8414850557430");
        model.wedgeScan("%B4111111111111111^DOE/J^2512");
        model.toggleListening();

        assertThat(model.scansSeen()).containsExactly("wedge: payment card data (not shown) (29 characters)",
                "serial:/dev/ttyACM0: 8414850557430 (13 characters)");
        assertThat(devices.calls).containsExactly("listen serial:/dev/ttyACM0", "stop serial:/dev/ttyACM0");
    }
}
