package org.omnitill.core.sync;

import java.time.Instant;

/**
 * What the status bar shows about the hub.
 *
 * @param state     where sync stands
 * @param waiting   documents in the outbox the hub does not have yet
 * @param refused   documents the hub refused (they stay in the outbox for staff)
 * @param lastSync  when the till last completed a push and pull, or null
 * @param problem   the last error in plain words, or null
 */
public record SyncStatus(State state, long waiting, long refused, Instant lastSync, String problem) {

    public enum State {
        /** No hub in the settings: the till works alone. */
        NOT_CONFIGURED,
        /** A hub is configured but this till has not enrolled with it yet. */
        NOT_ENROLLED,
        ONLINE,
        /** The hub cannot be reached; the till keeps selling and sends later. */
        OFFLINE,
        /** The hub no longer accepts this till's credential: enrol again. */
        CREDENTIAL_REJECTED
    }
}
