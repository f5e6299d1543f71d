package org.omnitill.core.hardware;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterCondition;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;

/**
 * A printer the operating system knows (CUPS on Linux and macOS, the spooler on Windows), fed the
 * ESC/POS bytes raw ({@link DocFlavor.BYTE_ARRAY#AUTOSENSE}): the queue must be a raw one (on CUPS,
 * a queue without a driver, {@code lpadmin -p Receipt -v usb://... -m raw}). The spooler takes the
 * job at once; whether paper came out it cannot tell, so the state is only "accepting jobs or not".
 */
public final class SystemPrinter implements PrinterConnection {

    private static final DocFlavor RAW = DocFlavor.BYTE_ARRAY.AUTOSENSE;

    private final String name;

    public SystemPrinter(String name) {
        this.name = Objects.requireNonNull(name, "name").strip();
    }

    /** The names of the system's printers that take raw bytes. */
    public static List<String> names() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(RAW, null)).map(PrintService::getName).toList();
    }

    @Override
    public synchronized void send(byte[] data) throws IOException {
        PrintService service = service();
        DocPrintJob job = service.createPrintJob();
        HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("Omnitill receipt", null));
        try {
            job.print(new SimpleDoc(data, RAW, null), attributes);
        } catch (PrintException e) {
            throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "system printer '" + name + "' refused the job: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public DeviceState query() throws IOException {
        PrintService service = service();
        PrinterIsAcceptingJobs accepting = service.getAttribute(PrinterIsAcceptingJobs.class);
        if (accepting == PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS) {
            return new DeviceState(PrinterCondition.OFFLINE, null);
        }
        return DeviceState.UNKNOWN;
    }

    private PrintService service() throws PrinterNotReadyException {
        for (PrintService service : PrintServiceLookup.lookupPrintServices(RAW, null)) {
            if (service.getName().equalsIgnoreCase(name)) {
                return service;
            }
        }
        throw new PrinterNotReadyException(PrinterCondition.UNREACHABLE, "the system has no printer '" + name
                + "' that takes raw jobs" + (names().isEmpty() ? "" : "; it has: " + String.join(", ", names())));
    }

    @Override
    public String description() {
        return "system printer " + name;
    }
}
