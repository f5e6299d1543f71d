package org.omnitill.core.sale;

/**
 * A sale operation the till refuses, with a code the screens translate and a message a cashier can
 * act on. Nothing has changed when it is thrown.
 */
public class SaleException extends RuntimeException {

    /** Why; the screens show a translated text per code. */
    public enum Code {
        BAD_QUANTITY,
        BAD_PRICE,
        BAD_DISCOUNT,
        NOT_ALLOWED,
        WRONG_STATE,
        NO_SUCH_LINE,
        EMPTY_SALE,
        BAD_TENDER,
        TENDER_SHORT,
        RETURN_TOO_MUCH
    }

    private final Code code;

    public SaleException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
