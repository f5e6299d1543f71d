package org.omnitill.core.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** A tax rate the store applies, named by its code (e.g. {@code STD} 21 %, {@code RED} 10 %). */
public record TaxRate(String code, String name, BigDecimal percent) {

    public TaxRate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("tax rate " + code + " must be from 0 to under 100 %, not " + percent);
        }
    }
}
