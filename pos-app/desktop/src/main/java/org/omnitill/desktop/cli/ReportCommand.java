package org.omnitill.desktop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.omnitill.core.Till;
import org.omnitill.core.cash.ShiftRepository;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.config.SettingsException;
import org.omnitill.core.report.PdfReports;
import org.omnitill.core.report.ReportDocument;
import org.omnitill.desktop.OmnitillCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnitill report z|x|sales|tax|exceptions --date D --out FILE.pdf}: renders a report headless.
 * Reading reports never changes the till: the Z closes the day from the till's screen; this prints
 * the Z reports already closed on a day.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a report to PDF without opening the window. z: the Z report(s) closed on --date "
                + "(or the one numbered --z); x: the period not yet closed; sales, tax, exceptions: --date to --to.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the PDF was written", "1:an unexpected error (see the log)",
                "2:bad command line, or nothing to report (no Z closed on that day)",
                "3:the data directory is in use or its settings are unreadable", "4:the PDF could not be written"})
public final class ReportCommand implements Callable<Integer> {

    enum Kind { z, x, sales, tax, exceptions }

    @ParentCommand
    private OmnitillCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "z, x, sales, tax or exceptions")
    private Kind kind;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day (default: today)")
    private String date;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of a sales, tax or exceptions range")
    private String to;

    @Option(names = "--z", paramLabel = "N", description = "the Z report with this number")
    private Long zNumber;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "where to write the PDF")
    private Path out;

    @Option(names = "--locale", paramLabel = "TAG", description = "language of the report, e.g. es or ru (default: the till's)")
    private String locale;

    @Override
    public Integer call() throws Exception {
        DataDirectory directory = parent.dataDirectory();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        LocalDate day;
        LocalDate last;
        try {
            day = date == null ? LocalDate.now() : LocalDate.parse(date);
            last = to == null ? day : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            err.println("dates are written YYYY-MM-DD, e.g. 2026-11-22: " + e.getParsedString());
            return 2;
        }
        if (last.isBefore(day)) {
            err.println("--to " + last + " is before --date " + day);
            return 2;
        }
        try (Till till = Till.open(directory, parent.demoMode())) {
            Locale lang = locale != null ? Locale.forLanguageTag(locale) : till.settings().locale().orElse(Locale.getDefault());
            List<ReportDocument> documents = switch (kind) {
                case x -> List.of(till.reports().x(lang));
                case sales -> List.of(till.reports().sales(day, last, lang));
                case tax -> List.of(till.reports().taxSummary(day, last, lang));
                case exceptions -> List.of(till.reports().exceptions(day, last, lang));
                case z -> {
                    List<ShiftRepository.ZClose> closes = zNumber != null
                            ? till.store().session().shifts().zClose(zNumber).stream().toList()
                            : till.reports().zClosesOn(day);
                    yield closes.stream().map(z -> labelled(till.reports().z(z, lang), closes.size() > 1 ? "Z " + z.number() : null))
                            .toList();
                }
            };
            if (documents.isEmpty()) {
                err.println(zNumber != null ? "there is no Z number " + zNumber
                        : "no Z report was closed on " + day + "; close the day from the till, or print an X report");
                return 2;
            }
            try {
                Path parentDir = out.toAbsolutePath().getParent();
                if (parentDir != null) {
                    Files.createDirectories(parentDir);
                }
                // several Z reports on one day go one after another into the one file
                ReportDocument document = documents.size() == 1 ? documents.get(0) : merge(documents);
                try (OutputStream file = Files.newOutputStream(out)) {
                    PdfReports.writePdf(document, file);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("the PDF could not be written to " + out + ": " + e.getMessage());
                return 4;
            }
            stdout.println(kind + " report written to " + out);
            return 0;
        } catch (DataDirectoryInUseException | SettingsException e) {
            err.println(e.getMessage());
            return OmnitillCommand.IN_USE;
        }
    }

    /** With several Z reports in one file, each section says which Z it belongs to. */
    private static ReportDocument labelled(ReportDocument document, String label) {
        if (label == null) {
            return document;
        }
        List<ReportDocument.Section> sections = document.sections().stream()
                .map(s -> new ReportDocument.Section(label + " · " + s.title(), s.columns(), s.rows(), s.total())).toList();
        return new ReportDocument(document.title(), document.header(), sections, document.warnings(), document.footer());
    }

    private static ReportDocument merge(List<ReportDocument> documents) {
        ReportDocument first = documents.get(0);
        List<ReportDocument.Section> sections = new java.util.ArrayList<>();
        List<String> warnings = new java.util.ArrayList<>();
        for (ReportDocument d : documents) {
            sections.addAll(d.sections());
            warnings.addAll(d.warnings());
        }
        return new ReportDocument(first.title(), first.header(), sections, warnings, first.footer());
    }
}
