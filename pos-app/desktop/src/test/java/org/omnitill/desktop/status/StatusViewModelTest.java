package org.omnitill.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.sync.SyncStatus;
import org.omnitill.desktop.TestTill;

class StatusViewModelTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private StatusViewModel status(TillSettings settings) {
        return new StatusViewModel(settings, false, TestTill.english(), NOON);
    }

    @Test
    void aTillWithoutHubOrPrinterSaysNotConfigured() {
        StatusViewModel status = status(TillSettings.defaults());

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.NOT_CONFIGURED);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: not configured");
        assertThat(status.printerTextProperty().get()).isEqualTo("Printer: not configured");
        assertThat(status.userTextProperty().get()).isEqualTo("Nobody signed in");
        assertThat(status.tillTextProperty().get()).isEqualTo("My Store · till T01");
        assertThat(status.clockTextProperty().get()).startsWith("11/22/26, 12:00").endsWith("PM");
    }

    @Test
    void aConfiguredHubIsCheckingUntilTheSyncServiceReports() {
        StatusViewModel status = status(TillSettings.defaults().withHubUrl("http://hub.example:8085"));

        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.CHECKING);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: checking…");
    }

    @Test
    void showsOnlineOfflineAndHowManyDocumentsWait() {
        StatusViewModel status = status(TillSettings.defaults().withHubUrl("http://hub.example:8085"));

        status.syncStatus(new SyncStatus(SyncStatus.State.ONLINE, 0, 0, NOON.instant(), null));
        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.ONLINE);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: online");
        assertThat(status.hubDetailProperty().get()).isNull();

        status.syncStatus(new SyncStatus(SyncStatus.State.OFFLINE, 12, 0, NOON.instant(), "hub not reachable at http://hub.example:8085"));
        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.OFFLINE);
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: offline · 12 waiting");
        assertThat(status.hubDetailProperty().get()).contains("not reachable");

        status.syncStatus(new SyncStatus(SyncStatus.State.ONLINE, 0, 1, NOON.instant(), null));
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: online · 1 refused");
    }

    @Test
    void saysWhenTheTillMustEnrol() {
        StatusViewModel status = status(TillSettings.defaults().withHubUrl("http://hub.example:8085"));

        status.syncStatus(new SyncStatus(SyncStatus.State.NOT_ENROLLED, 3, 0, null, null));
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: not enrolled (click to enrol) · 3 waiting");
        status.syncStatus(new SyncStatus(SyncStatus.State.CREDENTIAL_REJECTED, 0, 0, null, "hub refused"));
        assertThat(status.hubTextProperty().get()).isEqualTo("Hub: credential refused, enrol again");
        assertThat(status.hubStateProperty().get()).isEqualTo(HubState.OFFLINE);
    }

    @Test
    void showsWhoIsSignedIn() {
        StatusViewModel status = status(TillSettings.defaults());

        status.signedIn("Alex Romero");
        assertThat(status.userTextProperty().get()).isEqualTo("Alex Romero");
        status.signedOut();
        assertThat(status.userTextProperty().get()).isEqualTo("Nobody signed in");
    }

    @Test
    void aPrinterOutOfPaperSaysSoShortlyWithTheDetailInTheTooltip() {
        StatusViewModel status = status(TillSettings.defaults());
        Instant now = NOON.instant();

        status.printerStatus(new org.omnitill.core.print.PrinterStatus("serial /dev/ttyUSB0 38400 8N1", false,
                org.omnitill.core.print.PrinterCondition.PAPER_OUT, "out of paper", now, 2, null));

        assertThat(status.printerTextProperty().get()).isEqualTo("Printer: out of paper, 2 waiting");
        assertThat(status.printerDetailProperty().get()).isEqualTo("serial /dev/ttyUSB0 38400 8N1: out of paper");
        assertThat(status.printerStateProperty().get()).isEqualTo(HubState.OFFLINE);

        status.printerStatus(new org.omnitill.core.print.PrinterStatus("serial /dev/ttyUSB0 38400 8N1", true,
                org.omnitill.core.print.PrinterCondition.READY, null, null, 0, now));
        assertThat(status.printerTextProperty().get()).isEqualTo("Printer: ready");
        assertThat(status.printerDetailProperty().get()).isEqualTo("serial /dev/ttyUSB0 38400 8N1");
    }

    @Test
    void serialScannersAreCountedAndOneUnpluggedShows() {
        StatusViewModel status = status(TillSettings.defaults());
        assertThat(status.scannerTextProperty().get()).isEmpty();

        status.scannerReady("serial:/dev/ttyACM0");
        status.scannerReady("serial:/dev/ttyACM1");
        assertThat(status.scannerTextProperty().get()).isEqualTo("Scanner: ready (2)");

        status.scannerGone("serial:/dev/ttyACM1");
        assertThat(status.scannerTextProperty().get()).isEqualTo("Scanner: 1 not connected");
        assertThat(status.scannerDetailProperty().get())
                .isEqualTo("serial:/dev/ttyACM0: listening\nserial:/dev/ttyACM1: not connected");
    }

    @Test
    void anIdleCheckThatFindsTheCoverOpenShowsWithoutAFailedJob() {
        StatusViewModel status = status(TillSettings.defaults());

        status.printerStatus(new org.omnitill.core.print.PrinterStatus("tcp 192.0.2.10:9100", true,
                org.omnitill.core.print.PrinterCondition.COVER_OPEN, null, null, 0, null));

        assertThat(status.printerTextProperty().get()).isEqualTo("Printer: cover open");
        assertThat(status.printerDetailProperty().get()).isEqualTo("tcp 192.0.2.10:9100");
        assertThat(status.printerStateProperty().get()).isEqualTo(HubState.OFFLINE);
    }

    @Test
    void anOpenDrawerShowsWhileThePrinterReportsItOpen() {
        StatusViewModel status = status(TillSettings.defaults());
        assertThat(status.drawerTextProperty().get()).isEmpty();

        status.drawerState(org.omnitill.core.hardware.CashDrawer.State.OPEN);
        assertThat(status.drawerTextProperty().get()).isEqualTo("Drawer open");

        status.drawerState(org.omnitill.core.hardware.CashDrawer.State.CLOSED);
        assertThat(status.drawerTextProperty().get()).isEmpty();
    }
}
