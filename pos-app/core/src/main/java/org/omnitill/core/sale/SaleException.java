package org.omnitill.core.sale;

import java.util.Optional;
import org.omnitill.core.staff.Permission;

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
    private final transient Permission permission;

    public SaleException(Code code, String message) {
        this(code, message, null);
    }

    /** A refusal for want of {@code permission}: a supervisor's {@link org.omnitill.core.staff.Approval} can lift it. */
    public SaleException(Code code, String message, Permission permission) {
        super(message);
        this.code = code;
        this.permission = permission;
    }

    public Code code() {
        return code;
    }

    /** The permission that was missing, for {@code NOT_ALLOWED}. */
    public Optional<Permission> permission() {
        return Optional.ofNullable(permission);
    }
}
