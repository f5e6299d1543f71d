package org.omnitill.core.receipt;

import java.util.Locale;
import java.util.Objects;

/**
 * What a receipt printer has besides its width and character table: how it cuts and how the logo
 * reaches it.
 *
 * @param logoImage the logo when {@code logo} is {@link Logo#RASTER} or {@link Logo#NV}; for NV it
 *                  is only needed to store it ({@code omnitill hardware store-logo})
 */
public record PrinterFeatures(Cut cut, Logo logo, MonoImage logoImage) {

    /** A partial cut, no logo: what every ESC/POS printer with a cutter does. */
    public static final PrinterFeatures DEFAULT = new PrinterFeatures(Cut.PARTIAL, Logo.NONE, null);

    public enum Cut {
        /** {@code GS V 66 n}: feed to the cutter, cut leaving a hinge. */
        PARTIAL,
        /** {@code GS V 65 n}: feed to the cutter, cut through. */
        FULL,
        /** No cutter: feed the receipt past the tear bar ({@code ESC d n}). */
        NONE;

        public static Cut parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "partial", "on", "yes" -> PARTIAL;
                case "full" -> FULL;
                case "none", "off", "no" -> NONE;
                default -> throw new IllegalArgumentException("receipt printer option cut=" + value
                        + " is not one of partial, full, none");
            };
        }
    }

    public enum Logo {
        /** No logo. */
        NONE,
        /** The logo's dots with every receipt ({@code GS v 0}): a few KB a receipt. */
        RASTER,
        /** The logo stored once in the printer ({@code FS q}), printed with {@code FS p}: 4 bytes a receipt. */
        NV;

        public static Logo parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "off", "no" -> NONE;
                case "raster", "on", "yes" -> RASTER;
                case "nv" -> NV;
                default -> throw new IllegalArgumentException("receipt printer option logo=" + value
                        + " is not one of none, raster, nv");
            };
        }
    }

    public PrinterFeatures {
        Objects.requireNonNull(cut, "cut");
        Objects.requireNonNull(logo, "logo");
        if (logo == Logo.RASTER && logoImage == null) {
            throw new IllegalArgumentException("a raster logo needs its picture");
        }
    }
}
