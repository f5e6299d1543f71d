package org.omnitill.core.catalog;

import java.util.Locale;

/** How a product is sold: by the piece or by weight. */
public enum Unit {
    EACH("each"),
    KG("kg");

    private final String code;

    Unit(String code) {
        this.code = code;
    }

    /** The code used in catalog files and the store: {@code each} or {@code kg}. */
    public String code() {
        return code;
    }

    public static Unit fromCode(String code) {
        String normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (Unit unit : values()) {
            if (unit.code.equals(normalized)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unit must be 'each' or 'kg', not '" + code + "'");
    }
}
