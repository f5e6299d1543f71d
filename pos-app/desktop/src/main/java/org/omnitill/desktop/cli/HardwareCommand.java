package org.omnitill.desktop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import javax.imageio.ImageIO;
import org.omnitill.core.config.TillSettings;
import org.omnitill.desktop.OmnitillCommand;
import org.omnitill.core.hardware.CardData;
import org.omnitill.core.hardware.CashDrawer;
import org.omnitill.core.hardware.PrinterCashDrawer;
import org.omnitill.core.hardware.Printers;
import org.omnitill.core.hardware.SerialLink;
import org.omnitill.core.hardware.SerialScanner;
import org.omnitill.core.hardware.SystemPrinter;
import org.omnitill.core.hardware.TestPage;
import org.omnitill.core.hardware.render.EscPosInterpreter;
import org.omnitill.core.hardware.render.PaperElement;
import org.omnitill.core.hardware.render.VirtualPrinter;
import org.omnitill.core.print.DeviceState;
import org.omnitill.core.print.PrinterConnection;
import org.omnitill.core.print.PrinterNotReadyException;
import org.omnitill.core.print.PrinterSpec;
import org.omnitill.core.receipt.ReceiptFormat;
import org.omnitill.core.scan.BarcodeParser;
import org.omnitill.core.scan.Scan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnitill hardware ...}: the devices from the command line, for installers and support. No
 * till needs to be open (the devices are named by connection strings); stop the till first when it
 * holds the same serial port.
 */
@Command(name = "hardware", mixinStandardHelpOptions = true,
        description = "Tries receipt printers, cash drawers and scanners, and renders ESC/POS output to a picture.",
        subcommands = {HardwareCommand.TestPrint.class, HardwareCommand.OpenDrawer.class, HardwareCommand.Status.class,
            HardwareCommand.StoreLogo.class, HardwareCommand.Listen.class, HardwareCommand.Render.class,
            HardwareCommand.Ports.class})
public final class HardwareCommand {

    @ParentCommand
    OmnitillCommand root;

    /** Exit status when the device is not there, not ready or did not answer. */
    public static final int DEVICE_PROBLEM = 6;
    static final int BAD_INPUT = 2;

    /** Points logging into the data directory (as every command does first) and returns nothing else. */
    void startLogging() {
        root.dataDirectory();
    }

    private static Path here() {
        return Path.of("").toAbsolutePath();
    }

    /** Opens the printer a subcommand works on; a malformed connection string is an IllegalArgumentException. */
    @FunctionalInterface
    interface PrinterOpener {
        PrinterConnection open();
    }

    /** What a subcommand does with the open printer; returns its exit status. */
    @FunctionalInterface
    interface PrinterWork {
        int run(PrinterConnection connection, PrintWriter out) throws IOException;
    }

    /**
     * Opens the printer, does the work and closes it: a bad connection string exits {@value #BAD_INPUT},
     * a printer that is not there, not ready or does not answer {@value #DEVICE_PROBLEM}, its problem
     * printed after {@code failure}.
     */
    static int withPrinter(CommandSpec spec, PrinterOpener opener, String failure, PrinterWork work) {
        PrintWriter err = spec.commandLine().getErr();
        try (PrinterConnection connection = opener.open()) {
            return work.run(connection, spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println(failure + problem(e));
            return DEVICE_PROBLEM;
        }
    }

    private static String problem(IOException e) {
        return e instanceof PrinterNotReadyException notReady
                ? notReady.condition().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + e.getMessage()
                : e.getMessage();
    }

    @Command(name = "test-print", mixinStandardHelpOptions = true,
            description = "Prints a test page: logo, width ruler, Spanish and Russian in the printer's code page, a barcode, "
                    + "a QR code, the cut.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "2:bad connection string", "6:the printer is not there, not ready or did not answer"})
    static final class TestPrint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Option(names = "--printer", required = true, paramLabel = "CONN",
                description = "e.g. serial:/dev/ttyUSB0?baud=38400, tcp:192.0.2.10:9100, device:/dev/usb/lp0, system:NAME, file:out.bin")
        String printer;

        @Option(names = "--lang", paramLabel = "TAG", description = "Language for the default code page (ru: CP866).")
        String language;

        @Override
        public Integer call() {
            parent.startLogging();
            PrintWriter err = spec.commandLine().getErr();
            PrinterSpec parsed;
            ReceiptFormat format;
            try {
                parsed = PrinterSpec.parse(printer);
                Locale locale = language == null ? Locale.getDefault() : Locale.forLanguageTag(language);
                format = parsed.applyTo(ReceiptFormat.of(TillSettings.defaults(), locale), here());
            } catch (RuntimeException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
            PrinterSpec connectionSpec = parsed;
            return withPrinter(spec, () -> Printers.open(connectionSpec, here()), "not printed: ", (connection, out) -> {
                byte[] page = TestPage.of(format, connection.description(), ZonedDateTime.now());
                connection.send(page);
                out.println("test page sent to " + connection.description() + " (" + page.length + " bytes, "
                        + format.columns() + " columns, " + format.codePage() + ")");
                return 0;
            });
        }
    }

    @Command(name = "open-drawer", mixinStandardHelpOptions = true,
            description = "Kicks the cash drawer on the printer's drawer port open.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:pulse sent", "2:bad connection string", "6:the printer is not there or did not take the pulse"})
    static final class OpenDrawer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Option(names = "--printer", required = true, paramLabel = "CONN", description = "The receipt printer the drawer is on.")
        String printer;

        @Option(names = "--drawer", paramLabel = "SETTING", defaultValue = "printer",
                description = "Pin and pulse, e.g. printer?pin=5&on=120&off=240 (default: ${DEFAULT-VALUE}).")
        String drawer;

        @Override
        public Integer call() {
            parent.startLogging();
            return withPrinter(spec, () -> Printers.open(printer, here()), "drawer not opened: ", (connection, out) -> {
                CashDrawer cashDrawer = PrinterCashDrawer.of(drawer, connection);
                cashDrawer.open();
                out.println("drawer kick sent: " + cashDrawer.description());
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Asks the printer how it is (DLE EOT over serial and tcp): ready, paper low or out, cover open, "
                    + "offline; and the drawer switch.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the printer answered and can print", "2:bad connection string",
                "6:the printer cannot print now or did not answer"})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Option(names = "--printer", required = true, paramLabel = "CONN")
        String printer;

        @Override
        public Integer call() {
            parent.startLogging();
            return withPrinter(spec, () -> Printers.open(printer, here()), "", (connection, out) -> {
                DeviceState state = connection.query();
                out.println(connection.description() + ": " + state.condition().name().toLowerCase(Locale.ROOT)
                        + (state.drawerPinHigh() == null ? "" : ", drawer switch " + (state.drawerPinHigh() ? "high" : "low")));
                return state.condition().canPrint() ? 0 : DEVICE_PROBLEM;
            });
        }
    }

    @Command(name = "store-logo", mixinStandardHelpOptions = true,
            description = "Stores the logo in the printer's NV memory (FS q) so receipts with logo=nv send 4 bytes for it. "
                    + "Printers wear their flash memory: do it once, when the logo changes.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:stored", "2:bad connection string or logo", "6:the printer is not there or did not take it"})
    static final class StoreLogo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Option(names = "--printer", required = true, paramLabel = "CONN",
                description = "The printer; its columns and logofile options apply.")
        String printer;

        @Override
        public Integer call() {
            parent.startLogging();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (PrinterConnection connection = Printers.open(printer, here())) {
                PrinterSpec parsed = PrinterSpec.parse(printer);
                var logo = parsed.logoImage(parsed.columns().orElse(ReceiptFormat.DEFAULT_COLUMNS), here());
                byte[] command = logo.nvDefineCommand();
                connection.send(command);
                out.println("logo " + logo.width() + "x" + logo.height() + " stored as NV image 1 (" + command.length
                        + " bytes); print receipts with logo=nv");
                return 0;
            } catch (RuntimeException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            } catch (IOException e) {
                err.println("not stored: " + problem(e));
                return DEVICE_PROBLEM;
            }
        }
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = "Prints each scan as it is parsed. A serial scanner: serial:/dev/ttyACM0?baud=9600&suffix=CR. "
                    + "A keyboard-wedge scanner (wedge) types into this terminal: scan, it reads the line.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done (--count scans read, or the input ended)", "2:bad connection string",
                "6:the scanner's port cannot be opened or went away"})
    static final class Listen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Option(names = "--scanner", required = true, paramLabel = "CONN")
        String scanner;

        @Option(names = "--count", paramLabel = "N", description = "Stop after N scans (default: until Ctrl+C).")
        Integer count;

        @Override
        public Integer call() throws Exception {
            parent.startLogging();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BarcodeParser parser = BarcodeParser.defaults();
            int limit = count == null ? Integer.MAX_VALUE : count;
            if (scanner.strip().equalsIgnoreCase("wedge")) {
                out.println("scan now (a keyboard-wedge scanner types here and ends with Enter)");
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                int seen = 0;
                while (seen < limit && (line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.println(describe(line.strip(), parser));
                        out.flush();
                        seen++;
                    }
                }
                return 0;
            }
            SerialScanner serial;
            try {
                serial = SerialScanner.of(scanner);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            String gone = "\u0000gone";
            try (serial) {
                serial.start(events::add, () -> events.add(gone));
                out.println("listening on " + scanner + "; scan something (Ctrl+C to stop)");
                out.flush();
                for (int seen = 0; seen < limit; seen++) {
                    String scan = events.take();
                    if (scan.equals(gone)) {
                        err.println("the scanner went away");
                        return DEVICE_PROBLEM;
                    }
                    out.println(describe(scan, parser));
                    out.flush();
                }
                return 0;
            } catch (IOException e) {
                err.println(problem(e));
                return DEVICE_PROBLEM;
            }
        }

        static String describe(String scan, BarcodeParser parser) {
            if (CardData.looksLikeCardData(scan)) {
                return "payment card data (not shown; cards are read by the card terminal only)";
            }
            Scan parsed = parser.parse(scan);
            return scan + "  ->  " + switch (parsed) {
                case Scan.Item item -> "item, GTIN " + item.gtin();
                case Scan.VariableMeasure measure -> "variable measure " + measure.kind().name().toLowerCase(Locale.ROOT)
                        + " " + measure.value().toPlainString() + ", item " + measure.itemCode();
                case Scan.Loyalty loyalty -> "loyalty card";
                case Scan.Coupon coupon -> "coupon " + coupon.code();
                case Scan.Receipt receipt -> "receipt " + receipt.receiptNumber();
                case Scan.PickupOrder order -> "pickup order " + order.orderCode();
                case Scan.Rejected rejected -> "not accepted: " + rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            };
        }
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "A virtual printer: reads ESC/POS bytes (e.g. the demo's receipts.bin) and draws what a printer "
                    + "would print (203 dpi) into a PNG. What does not print (drawer kicks, unknown commands) is noted beside it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:rendered", "2:the file cannot be read or is not ESC/POS"})
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Parameters(index = "0", paramLabel = "FILE.bin")
        Path file;

        @Option(names = "--png", required = true, paramLabel = "OUT.png")
        Path png;

        @Option(names = "--columns", paramLabel = "N", defaultValue = "42",
                description = "The printer's width in font A characters: 32, 42 or 48 (default ${DEFAULT-VALUE}).")
        int columns;

        @Option(names = "--last", description = "Only the last receipt of the file (after the last but one cut).")
        boolean last;

        @Override
        public Integer call() {
            parent.startLogging();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            System.setProperty("java.awt.headless", "true");
            try {
                byte[] bytes = Files.readAllBytes(file);
                List<PaperElement> elements = EscPosInterpreter.interpret(bytes);
                if (last) {
                    elements = lastReceipt(elements);
                }
                var image = new VirtualPrinter(columns * VirtualPrinter.CELL_WIDTH).draw(elements);
                if (png.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(png.toAbsolutePath().getParent());
                }
                ImageIO.write(image, "png", png.toFile());
                long cuts = elements.stream().filter(PaperElement.Cut.class::isInstance).count();
                out.println(png + ": " + image.getWidth() + "x" + image.getHeight() + " px, " + bytes.length + " bytes read, "
                        + cuts + " cut(s)");
                VirtualPrinter.notes(elements).forEach(note -> out.println("  note: " + note));
                return 0;
            } catch (NoSuchFileException e) {
                err.println("no such file: " + file);
                return BAD_INPUT;
            } catch (IOException | RuntimeException e) {
                err.println("cannot render " + file + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }

        static List<PaperElement> lastReceipt(List<PaperElement> elements) {
            int end = elements.size();
            int lastCut = -1;
            int previousCut = -1;
            for (int i = 0; i < end; i++) {
                if (elements.get(i) instanceof PaperElement.Cut) {
                    previousCut = lastCut;
                    lastCut = i;
                }
            }
            return lastCut < 0 ? elements : elements.subList(previousCut + 1, end);
        }
    }

    @Command(name = "ports", mixinStandardHelpOptions = true,
            description = "Lists the serial ports and the system's raw printer queues this computer has.")
    static final class Ports implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        HardwareCommand parent;

        @Override
        public Integer call() {
            parent.startLogging();
            PrintWriter out = spec.commandLine().getOut();
            List<SerialLink.PortInfo> ports = SerialLink.available();
            out.println("serial ports:" + (ports.isEmpty() ? " none" : ""));
            ports.forEach(port -> out.println("  serial:" + port.path() + "  (" + port.description() + ")"));
            List<String> printers = SystemPrinter.names();
            out.println("system printers:" + (printers.isEmpty() ? " none" : ""));
            printers.forEach(name -> out.println("  system:" + name));
            return 0;
        }
    }
}
