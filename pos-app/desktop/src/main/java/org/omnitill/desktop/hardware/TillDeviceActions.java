package org.omnitill.desktop.hardware;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.omnitill.core.Till;
import org.omnitill.core.hardware.CashDrawer;
import org.omnitill.core.hardware.PrinterCashDrawer;
import org.omnitill.core.hardware.Printers;
import org.omnitill.core.hardware.SerialLink;
import org.omnitill.core.hardware.SerialScanner;
import org.omnitill.core.hardware.SystemPrinter;
import org.omnitill.core.hardware.TestPage;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrintJob;
import org.omnitill.core.print.PrintQueue;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.receipt.ReceiptFormat;

/**
 * The device actions of a running till. The printer the till already uses is reached through the
 * till's own print queue and connection (a serial port can be open only once): a test page is a
 * queued {@code TEST} job, the drawer kick and status go through the same connection. Any other
 * connection string is opened for the call and closed after it.
 */
public final class TillDeviceActions implements DeviceActions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TillDeviceActions.class);

    private final Till till;
    private final String who;

    private final org.omnitill.core.staff.StaffMember member;

    /** @param member the staff member using the dialog: a drawer test is recorded as their no-sale */
    public TillDeviceActions(Till till, org.omnitill.core.staff.StaffMember member) {
        this(till, member.displayName(), member);
    }

    private TillDeviceActions(Till till, String who, org.omnitill.core.staff.StaffMember member) {
        this.member = member;
        this.till = Objects.requireNonNull(till, "till");
        this.who = Objects.requireNonNull(who, "who");
    }

    private Optional<PrintQueue> tillQueueFor(String printer) {
        return till.printQueue().filter(queue -> till.settings().printer().map(p -> p.strip().equals(printer.strip())).orElse(false));
    }

    @Override
    public List<String> printerSuggestions() {
        List<String> out = new ArrayList<>();
        till.settings().printer().ifPresent(out::add);
        SerialLink.available().forEach(port -> out.add("serial:" + port.path() + "?baud=38400"));
        SystemPrinter.names().forEach(name -> out.add("system:" + name));
        out.add("tcp:192.0.2.10:9100");
        out.add("device:/dev/usb/lp0");
        out.add("file:receipts.bin");
        return out.stream().distinct().toList();
    }

    @Override
    public List<String> serialSuggestions() {
        return SerialLink.available().stream().map(port -> "serial:" + port.path() + "?baud=9600").toList();
    }

    @Override
    public String testPrint(String printer) throws Exception {
        Optional<PrintQueue> queue = tillQueueFor(printer);
        if (queue.isPresent()) {
            byte[] page = TestPage.of(queue.get().format(), queue.get().printer().description(), ZonedDateTime.now());
            queue.get().enqueue(null, null, PrintJob.Kind.TEST, page);
            return queue.get().printer().description();
        }
        PrinterSpec spec = PrinterSpec.parse(printer);
        Locale locale = till.settings().locale().orElse(Locale.getDefault());
        ReceiptFormat format = spec.applyTo(ReceiptFormat.of(till.settings(), locale), till.directory().root());
        try (PrinterConnection connection = Printers.open(spec, till.directory().root())) {
            connection.send(TestPage.of(format, connection.description(), ZonedDateTime.now()));
            return connection.description();
        }
    }

    @Override
    public String openDrawer(String printer, String drawer) throws Exception {
        LOG.info("drawer test kick from the hardware dialog by {} ({})", who, drawer);
        // the drawer opens without a sale: audited like any no-sale (a journal document), before it opens
        till.cashOffice().noSale(member, "drawer test from the hardware settings", null);
        Optional<PrintQueue> queue = tillQueueFor(printer);
        if (queue.isPresent()) {
            CashDrawer cashDrawer = PrinterCashDrawer.of(drawer, queue.get().printer());
            cashDrawer.open();
            return cashDrawer.description();
        }
        try (PrinterConnection connection = Printers.open(printer, till.directory().root())) {
            CashDrawer cashDrawer = PrinterCashDrawer.of(drawer, connection);
            cashDrawer.open();
            return cashDrawer.description();
        }
    }

    @Override
    public DeviceState printerStatus(String printer) throws Exception {
        Optional<PrintQueue> queue = tillQueueFor(printer);
        DeviceState state;
        if (queue.isPresent()) {
            state = queue.get().checkPrinter();
        } else {
            try (PrinterConnection connection = Printers.open(printer, till.directory().root())) {
                state = connection.query();
            }
        }
        return state;
    }

    @Override
    public AutoCloseable listen(String scanner, Consumer<String> onScan) throws IOException {
        if (till.settings().hardware().serialScanners().stream().anyMatch(s -> s.strip().equals(scanner.strip()))) {
            // the till holds this port already; its scans reach the dialog through the window while it is open
            return () -> { };
        }
        SerialScanner serial = SerialScanner.of(scanner);
        serial.start(onScan, () -> { });
        return serial;
    }
}
