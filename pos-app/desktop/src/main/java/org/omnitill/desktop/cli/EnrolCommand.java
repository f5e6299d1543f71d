package org.omnitill.desktop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.config.SettingsException;
import org.omnitill.core.sync.HubEnrolment;
import org.omnitill.desktop.OmnitillCommand;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.client.HubUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnitill [--data-dir DIR] enrol --hub URL CODE}: what the hub dialog does, for installers and
 * scripts: saves the hub's address in the settings and trades the one-time code for this till's token.
 */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Connects this till to a hub: saves the hub address in the settings and enrols the till with "
                + "the one-time code the hub admin created for it (POST /api/v1/admin/stores/STORE/tills).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:enrolled", "1:an unexpected error (see the log)", "2:bad command line, or the hub refused the code",
                "3:the data directory is in use or its settings are unreadable", "4:the hub cannot be reached"})
public final class EnrolCommand implements Callable<Integer> {

    public static final int REFUSED = 2;
    public static final int UNREACHABLE = 4;

    @ParentCommand
    private OmnitillCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub's address, e.g. https://hub.example.com")
    String hub;

    @Parameters(index = "0", paramLabel = "CODE", description = "The one-time enrolment code, e.g. 7KQ4-M2XD-9HBA")
    String code;

    @Override
    public Integer call() throws Exception {
        DataDirectory directory = parent.dataDirectory(); // before the first logger
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Till till = Till.open(directory, parent.demoMode())) {
            String url = hub.strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                err.println("the hub address must start with http:// or https://, not " + url);
                return REFUSED;
            }
            till.saveSettings(till.settingsStore().load().withHubUrl(url), "command line");
            till.sync().configure(url);
            HubEnrolment enrolment = till.sync().enrol(code);
            out.println("enrolled: till " + enrolment.tillCode() + " of store " + enrolment.storeCode() + " at "
                    + enrolment.hubUrl() + "; it syncs in the background whenever the till runs");
            return 0;
        } catch (HubRefusedException e) {
            err.println(e.getMessage());
            return REFUSED;
        } catch (HubUnavailableException e) {
            err.println(e.getMessage() + "; check the address and the network and try again (the code is still valid)");
            return UNREACHABLE;
        } catch (DataDirectoryInUseException | SettingsException e) {
            err.println(e.getMessage());
            return OmnitillCommand.IN_USE;
        }
    }
}
