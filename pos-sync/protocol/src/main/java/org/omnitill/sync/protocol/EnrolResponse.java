package org.omnitill.sync.protocol;

import java.util.Objects;

/**
 * What a till gets for a valid enrolment code: who it is and the token to send as
 * {@code Authorization: Bearer TOKEN} from now on. The hub keeps only a hash of the token.
 */
public record EnrolResponse(String tillId, String tillCode, String storeCode, String storeName, String currency,
                            String token) {

    public EnrolResponse {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(tillCode, "tillCode");
        Objects.requireNonNull(storeCode, "storeCode");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        // the token is a credential: never in a log line
        return "EnrolResponse[tillId=" + tillId + ", tillCode=" + tillCode + ", storeCode=" + storeCode + "]";
    }
}
