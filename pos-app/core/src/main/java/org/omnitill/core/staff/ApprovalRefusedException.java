package org.omnitill.core.staff;

/** A supervisor's approval that did not count: wrong PIN, unknown badge, or a role without the permission. */
public class ApprovalRefusedException extends RuntimeException {

    public ApprovalRefusedException(String message) {
        super(message);
    }
}
