package org.omnitill.desktop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.config.SettingsException;
import org.omnitill.desktop.cli.EnrolCommand;
import org.omnitill.desktop.cli.HardwareCommand;
import org.omnitill.desktop.cli.ImportCatalogCommand;
import org.omnitill.desktop.cli.ReportCommand;
import org.omnitill.desktop.cli.VerifyJournalCommand;
import org.omnitill.desktop.common.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code omnitill [--data-dir DIR] [--demo]}: opens the till window. The main class of
 * {@code omnitill.jar}; it does not extend {@code Application}, so the jar runs from the class path.
 */
@Command(name = "omnitill", mixinStandardHelpOptions = true, versionProvider = OmnitillCommand.Version.class,
        description = "Omnitill point of sale: starts the till.",
        subcommands = {ImportCatalogCommand.class, VerifyJournalCommand.class, EnrolCommand.class, ReportCommand.class,
            HardwareCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:closed normally", "1:an unexpected error (see the log)",
                "2:bad command line", "3:the data directory is in use or its settings are unreadable",
                "4:no display to show the window on"})
public final class OmnitillCommand implements Callable<Integer> {

    public static final int IN_USE = 3;
    static final int NO_DISPLAY = 4;

    // inherited, so that `omnitill import-catalog --data-dir DIR F` works as well as `omnitill --data-dir DIR import-catalog F`
    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where the till keeps its database, settings and logs "
                    + "(default: the per-user data directory of this OS; a separate one for --demo).")
    Path dataDir;

    @Option(names = "--demo", description = "Open a demo store with products, tax rates and demo staff.")
    boolean demo;

    @Option(names = "--lang", paramLabel = "TAG",
            description = "User interface language for this run, e.g. en, es, ru (default: the settings, else the OS).")
    String language;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new OmnitillCommand());
    }

    /**
     * The data directory of this run (from --data-dir and --demo), with logging pointed into it.
     * Commands call this first, before any logger is created.
     */
    public DataDirectory dataDirectory() {
        DataDirectory directory = dataDir != null ? new DataDirectory(dataDir) : DataDirectory.platformDefault(demo);
        Logging.useDirectory(directory.logs());
        return directory;
    }

    /** Whether --demo was given. */
    public boolean demoMode() {
        return demo;
    }

    @Override
    public Integer call() throws Exception {
        DataDirectory directory = dataDirectory();
        Logger log = LoggerFactory.getLogger(OmnitillCommand.class);
        try (Till till = Till.open(directory, demo)) {
            Locale locale = language != null ? Locale.forLanguageTag(language)
                    : till.settings().locale().orElse(Locale.getDefault());
            log.info("Omnitill {} starting, data in {}, language {}", Version.current(), directory.root(), locale);
            till.startSync();
            DemoHubThread demoHub = demo ? DemoHubThread.start(directory, till, Version.current()) : null;
            try {
                DesktopLauncher.showAndWait(till, new Messages(locale));
            } finally {
                if (demoHub != null) {
                    demoHub.close();
                }
            }
            return 0;
        } catch (DataDirectoryInUseException | SettingsException e) {
            log.info("not started: {}", e.getMessage()); // the console gets it below, once
            System.err.println(e.getMessage());
            return IN_USE;
        } catch (UnsupportedOperationException e) {
            // JavaFX says so when there is no display
            log.error("no display: {}", e.getMessage());
            System.err.println("Omnitill needs a graphical display to show the till window (" + e.getMessage() + ").");
            return NO_DISPLAY;
        }
    }

    /** The build version, from the jar manifest; {@code dev} when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            String version = OmnitillCommand.class.getPackage().getImplementationVersion();
            return version != null ? version : "dev";
        }

        @Override
        public String[] getVersion() {
            return new String[] {"omnitill " + current(), "Java " + Runtime.version()};
        }
    }
}
