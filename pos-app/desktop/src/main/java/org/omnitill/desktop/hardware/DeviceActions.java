package org.omnitill.desktop.hardware;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the hardware settings screen does with devices; every call does device I/O and runs on a
 * background thread. The till's implementation is {@link TillDeviceActions}; tests use a fake.
 */
public interface DeviceActions {

    /** Connection strings to offer for the printer: detected serial ports, system printers. */
    List<String> printerSuggestions();

    /** Connection strings to offer for scanners and pole displays: detected serial ports. */
    List<String> serialSuggestions();

    /** Prints a test page; returns what it printed to. */
    String testPrint(String printer) throws Exception;

    /** Kicks the drawer; returns its description. */
    String openDrawer(String printer, String drawer) throws Exception;

    /** Asks the printer how it is. */
    org.omnitill.core.print.DeviceState printerStatus(String printer) throws Exception;

    /** Listens to a serial scanner until the returned handle is closed. */
    AutoCloseable listen(String scanner, Consumer<String> onScan) throws Exception;
}
