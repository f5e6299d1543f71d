package org.omnitill.desktop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.omnitill.core.Till;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.config.SettingsException;
import org.omnitill.core.journal.JournalVerifier;
import org.omnitill.desktop.OmnitillCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnitill [--data-dir DIR] verify-journal}: checks the journal's numbering and hash chain and
 * reports every edited, deleted, reordered or missing entry.
 */
@Command(name = "verify-journal", mixinStandardHelpOptions = true,
        description = "Checks the till's journal: gapless numbering from 1, every entry chained to the one before "
                + "by SHA-256, every hash matching its document, and the head matching the last entry.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the journal is intact", "1:an unexpected error (see the log)",
                "2:bad command line", "3:the data directory is in use or its settings are unreadable",
                "5:the journal is NOT intact: entries were changed, removed, reordered or are missing"})
public final class VerifyJournalCommand implements Callable<Integer> {

    public static final int NOT_INTACT = 5;

    @ParentCommand
    private OmnitillCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataDirectory directory = parent.dataDirectory(); // before the first logger
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Till till = Till.open(directory, parent.demoMode())) {
            JournalVerifier.Report report = JournalVerifier.verify(till.store().session().journal());
            if (report.isIntact()) {
                out.println("journal intact: " + report.entries() + " entries, chain and numbering verified ("
                        + directory.root() + ")");
                return 0;
            }
            err.println("journal NOT intact (" + report.entries() + " entries read, " + directory.root() + "):");
            report.problems().forEach(problem -> err.println("  " + problem));
            return NOT_INTACT;
        } catch (DataDirectoryInUseException | SettingsException e) {
            err.println(e.getMessage());
            return OmnitillCommand.IN_USE;
        }
    }
}
