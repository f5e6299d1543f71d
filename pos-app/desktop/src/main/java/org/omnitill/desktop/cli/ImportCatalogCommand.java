package org.omnitill.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.omnitill.core.Till;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.core.catalog.CatalogProblem;
import org.omnitill.core.catalog.ImportProgress;
import org.omnitill.core.catalog.ImportResult;
import org.omnitill.core.config.DataDirectory;
import org.omnitill.core.config.DataDirectoryInUseException;
import org.omnitill.core.config.SettingsException;
import org.omnitill.desktop.OmnitillCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnitill [--data-dir DIR] [--demo] import-catalog FILE.csv}: loads products, barcodes,
 * prices, tax codes and categories into the till's local store, all or nothing. With {@code --demo}
 * it imports into the demo store's data directory (seeding the demo first if it is new).
 */
@Command(name = "import-catalog", mixinStandardHelpOptions = true,
        description = {"Imports products from a UTF-8 CSV file with a header row and the columns "
                + "sku,name,barcodes,price,tax,category,unit (barcodes separated by |; tax a tax code of the "
                + "store settings, e.g. STD, RED, ZERO; unit each or kg). Other columns are ignored with a warning.",
                "All or nothing: if any row is bad, nothing is imported and every bad row is reported "
                        + "with its line number.",
                "A product is matched by its SKU: an existing one is updated and its barcodes replaced."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported", "1:an unexpected error (see the log); nothing was imported",
                "2:bad command line, or the file is unreadable or has bad rows; nothing was imported",
                "3:the data directory is in use or its settings are unreadable"})
public final class ImportCatalogCommand implements Callable<Integer> {

    /** Exit code when the file cannot be imported; the same as a bad command line. */
    public static final int BAD_FILE = 2;
    /** Bad rows printed at most; the count is always exact. */
    static final int MAX_PRINTED = 200;
    /** A progress line every this many rows. */
    static final long PROGRESS_EVERY = 100_000;

    @ParentCommand
    private OmnitillCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The catalog file to import.")
    private Path file;

    @Override
    public Integer call() throws Exception {
        DataDirectory directory = parent.dataDirectory(); // before the first logger: logs go into it
        Logger log = LoggerFactory.getLogger(ImportCatalogCommand.class);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Till till = Till.open(directory, parent.demoMode())) {
            out.println("importing " + file + " into " + directory.root());
            out.flush();
            long start = System.nanoTime();
            ImportResult result;
            try {
                result = new CatalogImporter(till.store(), till.settings()).importFile(file, new Progress(out));
            } catch (RuntimeException e) {
                log.error("catalog import of {} failed", file, e);
                err.println("import failed, nothing was imported: " + e.getMessage());
                err.println("(details in " + directory.logs() + ")");
                return 1;
            }
            for (CatalogProblem warning : result.warnings()) {
                err.println("warning: " + warning);
            }
            if (!result.succeeded()) {
                printErrors(err, result.errors());
                return BAD_FILE;
            }
            out.printf(Locale.ROOT, "imported %d products in %.1f s (%d now in the catalog)%n", result.imported(),
                    (System.nanoTime() - start) / 1e9, till.store().session().catalog().productCount());
            return 0;
        } catch (DataDirectoryInUseException | SettingsException e) {
            log.info("import not started: {}", e.getMessage());
            err.println(e.getMessage());
            return OmnitillCommand.IN_USE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void printErrors(PrintWriter err, List<CatalogProblem> errors) {
        errors.stream().limit(MAX_PRINTED).forEach(err::println);
        if (errors.size() > MAX_PRINTED) {
            err.println("... and " + (errors.size() - MAX_PRINTED) + " more");
        }
        err.println(errors.size() + (errors.size() == 1 ? " error" : " errors") + ": nothing was imported");
    }

    /** A line every {@link #PROGRESS_EVERY} rows and one per phase after reading. */
    private static final class Progress implements ImportProgress {
        private final PrintWriter out;
        private long printedUpTo;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(Phase phase, long rowsRead, long rowsWritten) {
            switch (phase) {
                case READING -> {
                    if (rowsRead / PROGRESS_EVERY > printedUpTo / PROGRESS_EVERY) {
                        printedUpTo = rowsRead;
                        out.println("read " + rowsRead + " rows...");
                    }
                }
                case COMMITTING -> out.println("read " + rowsRead + " rows, all valid; committing...");
                case ROLLING_BACK -> out.println("the file has errors; undoing, nothing will be imported...");
                case DONE -> { }
            }
            out.flush();
        }
    }
}
