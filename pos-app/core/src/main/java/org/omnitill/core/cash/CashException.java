package org.omnitill.core.cash;

/** A cash office operation the till refuses; nothing was written when it is thrown. */
public class CashException extends RuntimeException {

    public enum Code {
        BAD_COUNT,
        BAD_AMOUNT,
        NO_OPEN_SHIFT,
        SHIFT_ALREADY_OPEN,
        NEEDS_APPROVAL,
        NEEDS_REASON,
        SALE_OPEN,
        SHIFTS_OPEN,
        NOTHING_TO_CLOSE
    }

    private final Code code;

    public CashException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
