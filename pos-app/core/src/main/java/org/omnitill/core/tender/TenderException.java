package org.omnitill.core.tender;

import org.omnitill.core.sale.SaleException;

/** A tender the till refuses; nothing was recorded. */
public final class TenderException extends SaleException {

    public TenderException(String message) {
        super(Code.BAD_TENDER, message);
    }
}
