package org.omnitill.desktop.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.omnitill.core.catalog.CatalogImporter;
import org.omnitill.core.catalog.CatalogProblem;
import org.omnitill.core.catalog.ImportProgress;
import org.omnitill.core.catalog.ImportResult;
import org.omnitill.desktop.common.Messages;
import org.omnitill.desktop.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importing a catalog file from the till: all or nothing, with a progress bar. The row count is
 * estimated from the file size and the length of its first lines, since the file is streamed.
 */
public final class CatalogImportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImportViewModel.class);
    static final int MAX_SHOWN_PROBLEMS = 200;

    private final CatalogImporter importer;
    private final Tasks tasks;
    private final Executor ui;
    private final Messages messages;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    public CatalogImportViewModel(CatalogImporter importer, Tasks tasks, Executor ui, Messages messages) {
        this.importer = importer;
        this.tasks = tasks;
        this.ui = ui;
        this.messages = messages;
        status.set(messages.get("import.pick"));
    }

    /** Imports {@code file} in the background; the till keeps selling meanwhile. */
    public void start(Path file) {
        if (running.get()) {
            return;
        }
        running.set(true);
        failed.set(false);
        problems.clear();
        progress.set(ProgressValues.INDETERMINATE);
        status.set(messages.format("import.reading", file.getFileName()));
        tasks.run(() -> {
            long estimate = estimateRows(file);
            return importer.importFile(file, (phase, read, written) -> ui.execute(() -> show(phase, read, estimate)));
        }).onSuccess(this::finished).onFailure(error -> {
            LOG.error("catalog import of {} failed", file, error);
            failed.set(true);
            progress.set(0);
            status.set(messages.format("import.failed", error.getMessage()));
        }).andFinally(() -> running.set(false)).start();
    }

    private void show(ImportProgress.Phase phase, long read, long estimate) {
        switch (phase) {
            case READING -> {
                progress.set(estimate > 0 ? Math.min(0.99, (double) read / estimate) : ProgressValues.INDETERMINATE);
                status.set(messages.format("import.progress", read));
            }
            case COMMITTING -> {
                progress.set(ProgressValues.INDETERMINATE);
                status.set(messages.get("import.committing"));
            }
            case ROLLING_BACK -> status.set(messages.get("import.rollingBack"));
            case DONE -> progress.set(1);
        }
    }

    private void finished(ImportResult result) {
        for (CatalogProblem warning : result.warnings()) {
            problems.add(messages.format("import.warning", warning.toString()));
        }
        if (result.succeeded()) {
            progress.set(1);
            status.set(messages.format("import.done", result.imported()));
            return;
        }
        failed.set(true);
        progress.set(0);
        status.set(messages.format("import.rejected", result.errors().size()));
        result.errors().stream().limit(MAX_SHOWN_PROBLEMS).map(CatalogProblem::toString).forEach(problems::add);
        if (result.errors().size() > MAX_SHOWN_PROBLEMS) {
            problems.add(messages.format("import.more", result.errors().size() - MAX_SHOWN_PROBLEMS));
        }
    }

    /** About how many rows the file has: its size over the mean length of its first 1,000 lines. */
    static long estimateRows(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[(int) Math.min(size, 256 * 1024)];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        int lines = 0;
        int lastNewline = -1;
        for (int i = 0; i < read && lines < 1000; i++) {
            if (head[i] == '\n') {
                lines++;
                lastNewline = i;
            }
        }
        if (lines == 0) {
            return 1;
        }
        double meanLength = (lastNewline + 1) / (double) lines;
        return Math.max(1, Math.round(size / meanLength) - 1); // less the header
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /** Progress values with a meaning, without depending on the toolkit's ProgressIndicator. */
    static final class ProgressValues {
        static final double INDETERMINATE = -1;

        private ProgressValues() {
        }
    }
}
