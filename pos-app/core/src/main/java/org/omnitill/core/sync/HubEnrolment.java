package org.omnitill.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * This till's enrolment with a hub: who the hub says it is and the token it authenticates with.
 * The token never appears in {@link #toString()}, so it cannot reach a log line.
 */
public record HubEnrolment(String hubUrl, String tillId, String storeCode, String tillCode, String token,
                           Instant enrolledAt) {

    public HubEnrolment {
        Objects.requireNonNull(hubUrl, "hubUrl");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(storeCode, "storeCode");
        Objects.requireNonNull(tillCode, "tillCode");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    @Override
    public String toString() {
        return "HubEnrolment[hub=" + hubUrl + ", till=" + storeCode + "/" + tillCode + ", id=" + tillId
                + ", enrolledAt=" + enrolledAt + "]";
    }
}
