package org.omnitill.core.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.omnitill.core.id.UuidV7;
import org.omnitill.core.store.TillStore;

/**
 * Writes the till's documents other than sales (logins, voids, no-sales, cash movements, shifts,
 * Z closes, settings changes, going offline): each gets the next journal number and hash, an
 * outbox copy for the hub and its audit rows, all in the caller's transaction.
 *
 * <p>Every body starts with {@code type}, {@code version}, {@code id}, {@code sequence},
 * {@code till} and {@code at}; the caller adds its own fields after them.
 */
public final class Documents {

    public static final int VERSION = 1;

    private final String tillCode;
    private final UuidV7 ids;

    public Documents(String tillCode, UuidV7 ids) {
        this.tillCode = tillCode;
        this.ids = ids;
    }

    public UUID newId() {
        return ids.next();
    }

    /** Writes a document in {@code session}'s transaction and returns its journal entry. */
    public JournalEntry write(TillStore.Session session, String type, UUID id, Instant at, Map<String, Object> fields,
                              List<AuditEntry> audit) {
        JournalEntry entry = session.journal().append(type, id, at, sequence -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("version", VERSION);
            body.put("id", id.toString());
            body.put("sequence", sequence);
            body.put("till", tillCode);
            body.put("at", at.toString());
            fields.forEach((key, value) -> {
                if (value != null) {
                    body.put(key, value);
                }
            });
            return CanonicalJson.write(body);
        });
        session.outbox().add(id, entry.sequence(), type, entry.body(), at);
        for (AuditEntry row : audit) {
            session.audit().add(entry.sequence(), at, row);
        }
        return entry;
    }

    /** Writes a document in a transaction of its own and syncs the store to disk. */
    public JournalEntry writeNow(TillStore store, String type, Instant at, Map<String, Object> fields,
                                 List<AuditEntry> audit) {
        UUID id = newId();
        JournalEntry entry = store.transaction(session -> write(session, type, id, at, fields, audit));
        store.syncToDisk();
        return entry;
    }
}
