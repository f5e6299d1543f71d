package org.omnitill.core.hardware;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Locale;
import java.util.Map;

/**
 * How a serial port is set up, from a connection string's options:
 * {@code baud} (default 9600), {@code databits} 5-8 (default 8), {@code parity}
 * {@code none|even|odd|mark|space} (default none), {@code stopbits} {@code 1|1.5|2} (default 1) and
 * {@code flow} {@code none|rtscts|xonxoff|dsrdtr} (default none). Short forms are understood too:
 * {@code mode=8N1}.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits, Flow flow) {

    public enum Parity {
        NONE(SerialPort.NO_PARITY), EVEN(SerialPort.EVEN_PARITY), ODD(SerialPort.ODD_PARITY),
        MARK(SerialPort.MARK_PARITY), SPACE(SerialPort.SPACE_PARITY);

        final int code;

        Parity(int code) {
            this.code = code;
        }
    }

    public enum StopBits {
        ONE(SerialPort.ONE_STOP_BIT, 1.0), ONE_POINT_FIVE(SerialPort.ONE_POINT_FIVE_STOP_BITS, 1.5),
        TWO(SerialPort.TWO_STOP_BITS, 2.0);

        final int code;
        final double bits;

        StopBits(int code, double bits) {
            this.code = code;
            this.bits = bits;
        }
    }

    public enum Flow {
        NONE(SerialPort.FLOW_CONTROL_DISABLED),
        RTSCTS(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
        XONXOFF(SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED),
        DSRDTR(SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED);

        final int code;

        Flow(int code) {
            this.code = code;
        }
    }

    public static final SerialSettings DEFAULT = new SerialSettings(9600, 8, Parity.NONE, StopBits.ONE, Flow.NONE);

    public SerialSettings {
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud=" + baud + " is not a serial speed (e.g. 9600, 19200, 38400, 115200)");
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("databits=" + dataBits + " must be 5 to 8");
        }
    }

    /** From a connection string's options; {@code what} names the device in error messages. */
    public static SerialSettings of(Map<String, String> options, String what) {
        int baud = DEFAULT.baud;
        int dataBits = DEFAULT.dataBits;
        Parity parity = DEFAULT.parity;
        StopBits stopBits = DEFAULT.stopBits;
        Flow flow = DEFAULT.flow;
        try {
            String mode = options.get("mode");
            if (mode != null) {
                String m = mode.strip().toUpperCase(Locale.ROOT);
                if (!m.matches("[5-8][NEOMS](1|1\\.5|2)")) {
                    throw new IllegalArgumentException("mode=" + mode + " is not like 8N1");
                }
                dataBits = m.charAt(0) - '0';
                parity = switch (m.charAt(1)) {
                    case 'E' -> Parity.EVEN;
                    case 'O' -> Parity.ODD;
                    case 'M' -> Parity.MARK;
                    case 'S' -> Parity.SPACE;
                    default -> Parity.NONE;
                };
                stopBits = stopBits(m.substring(2));
            }
            if (options.containsKey("baud")) {
                baud = Integer.parseInt(options.get("baud").strip());
            }
            if (options.containsKey("databits")) {
                dataBits = Integer.parseInt(options.get("databits").strip());
            }
            if (options.containsKey("parity")) {
                parity = Parity.valueOf(options.get("parity").strip().toUpperCase(Locale.ROOT));
            }
            if (options.containsKey("stopbits")) {
                stopBits = stopBits(options.get("stopbits"));
            }
            if (options.containsKey("flow")) {
                flow = switch (options.get("flow").strip().toLowerCase(Locale.ROOT)) {
                    case "none", "off" -> Flow.NONE;
                    case "rtscts", "rts/cts", "hardware" -> Flow.RTSCTS;
                    case "xonxoff", "xon/xoff", "software" -> Flow.XONXOFF;
                    case "dsrdtr", "dsr/dtr" -> Flow.DSRDTR;
                    default -> throw new IllegalArgumentException("flow=" + options.get("flow")
                            + " is not one of none, rtscts, xonxoff, dsrdtr");
                };
            }
            return new SerialSettings(baud, dataBits, parity, stopBits, flow);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException(what + ": " + (e instanceof NumberFormatException
                    ? "a serial option is not a number (" + e.getMessage() + ")" : e.getMessage()), e);
        }
    }

    private static StopBits stopBits(String value) {
        return switch (value.strip()) {
            case "1" -> StopBits.ONE;
            case "1.5" -> StopBits.ONE_POINT_FIVE;
            case "2" -> StopBits.TWO;
            default -> throw new IllegalArgumentException("stopbits=" + value + " is not 1, 1.5 or 2");
        };
    }

    /** Bytes a second the line carries: start bit, data bits, parity bit, stop bits. */
    public double bytesPerSecond() {
        double bitsPerByte = 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits.bits;
        return baud / bitsPerByte;
    }

    void applyTo(SerialPort port) {
        port.setComPortParameters(baud, dataBits, stopBits.code, parity.code);
        port.setFlowControl(flow.code);
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + switch (parity) {
            case NONE -> "N";
            case EVEN -> "E";
            case ODD -> "O";
            case MARK -> "M";
            case SPACE -> "S";
        } + (stopBits == StopBits.ONE ? "1" : stopBits == StopBits.TWO ? "2" : "1.5")
                + (flow == Flow.NONE ? "" : " " + flow.name().toLowerCase(Locale.ROOT));
    }
}
