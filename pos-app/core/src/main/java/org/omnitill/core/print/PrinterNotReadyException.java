package org.omnitill.core.print;

import java.io.IOException;
import java.util.Objects;

/** A printer that cannot take a job now, and why; the job stays queued and is tried again. */
public final class PrinterNotReadyException extends IOException {

    private final PrinterCondition condition;

    public PrinterNotReadyException(PrinterCondition condition, String message) {
        super(message);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public PrinterNotReadyException(PrinterCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public PrinterCondition condition() {
        return condition;
    }
}
