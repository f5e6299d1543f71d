package org.omnitill.sync.protocol;

/** The body of every error answer: the HTTP status, a short code and a reason a person can act on. */
public record Problem(int status, String error, String detail) {
}
