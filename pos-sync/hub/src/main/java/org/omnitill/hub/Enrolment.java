package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.ADMIN_USER;
import static org.omnitill.hub.jooq.Tables.LOCATION;
import static org.omnitill.hub.jooq.Tables.STORE;
import static org.omnitill.hub.jooq.Tables.TILL;
import static org.omnitill.hub.jooq.Tables.TILL_JOURNAL;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.omnitill.sync.protocol.EnrolResponse;

/**
 * Till credentials: one-time enrolment codes an admin hands to a till, device tokens the till gets
 * for them, and the lookups that turn a request's credential into a till or an admin.
 */
final class Enrolment {

    static final Duration CODE_LIFETIME = Duration.ofHours(24);

    private final DSLContext dsl;
    private final Transactions transactions;
    private final Secrets secrets;
    private final PasswordHasher passwords;
    private final Clock clock;
    private final String unknownUserHash;

    Enrolment(DSLContext dsl, Transactions transactions, Secrets secrets, PasswordHasher passwords, Clock clock) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.secrets = secrets;
        this.passwords = passwords;
        this.clock = clock;
        this.unknownUserHash = passwords.hash("no such user".toCharArray());
    }

    /** A new one-time code for the till; any earlier code stops working, its token keeps working until enrolment. */
    record Code(String tillId, String code, OffsetDateTime expiresAt) {
    }

    Code newCode(String tillId) {
        String code = secrets.newEnrolmentCode();
        OffsetDateTime expires = now().plus(CODE_LIFETIME);
        int updated = dsl.update(TILL)
                .set(TILL.ENROLMENT_CODE_HASH, Secrets.sha256Hex(Secrets.normaliseCode(code)))
                .set(TILL.ENROLMENT_EXPIRES_AT, expires)
                .where(TILL.ID.eq(tillId))
                .execute();
        if (updated == 0) {
            throw ApiException.notFound("there is no till " + tillId);
        }
        return new Code(tillId, code, expires);
    }

    /**
     * Trades a valid code for a token. The code is used up; a till enrolling again (a replaced
     * computer) gets a new token and the old one stops working.
     */
    EnrolResponse enrol(String typedCode) {
        if (typedCode == null || typedCode.isBlank()) {
            throw ApiException.badRequest("send the enrolment code as {\"code\": \"XXXX-XXXX-XXXX\"}");
        }
        String codeHash = Secrets.sha256Hex(Secrets.normaliseCode(typedCode));
        String token = secrets.newToken();
        return transactions.run(tx -> {
            Record till = tx.select(TILL.ID, TILL.CODE, TILL.ENROLMENT_EXPIRES_AT, STORE.ID, STORE.CODE, STORE.NAME,
                            STORE.CURRENCY)
                    .from(TILL).join(STORE).on(STORE.ID.eq(TILL.STORE_ID))
                    .where(TILL.ENROLMENT_CODE_HASH.eq(codeHash))
                    .forUpdate()
                    .fetchOne();
            if (till == null) {
                throw ApiException.unauthorized("this enrolment code is not valid (or was used already); ask for a new one");
            }
            if (till.get(TILL.ENROLMENT_EXPIRES_AT).isBefore(now())) {
                throw ApiException.unauthorized("this enrolment code expired; ask for a new one");
            }
            String tillId = till.get(TILL.ID);
            cache.values().removeIf(c -> c.till().tillId().equals(tillId)); // the old token stops here at once
            tx.update(TILL)
                    .set(TILL.TOKEN_HASH, Secrets.sha256Hex(token))
                    .setNull(TILL.ENROLMENT_CODE_HASH)
                    .setNull(TILL.ENROLMENT_EXPIRES_AT)
                    .set(TILL.ENROLLED_AT, now())
                    .where(TILL.ID.eq(tillId))
                    .execute();
            tx.insertInto(TILL_JOURNAL, TILL_JOURNAL.TILL_ID, TILL_JOURNAL.HEAD_SEQUENCE, TILL_JOURNAL.HEAD_HASH,
                            TILL_JOURNAL.MAX_SEQUENCE)
                    .values(tillId, 0L, DocumentIngest.ZERO_HASH, 0L)
                    .onConflictDoNothing()
                    .execute();
            return new EnrolResponse(tillId, till.get(TILL.CODE), till.get(STORE.CODE), till.get(STORE.NAME),
                    till.get(STORE.CURRENCY), token);
        });
    }

    // token hash -> till, for a few seconds: saves a query on every till request. A token replaced by
    // enrolling again keeps working here for at most CACHE_NANOS; per process, nothing to share.
    private static final long CACHE_NANOS = 5_000_000_000L;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(TillPrincipal till, long at) {
    }

    /** The till whose token this is. */
    Optional<TillPrincipal> till(String token) {
        String hash = Secrets.sha256Hex(token);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached != null && now - cached.at() < CACHE_NANOS) {
            return Optional.of(cached.till());
        }
        Optional<TillPrincipal> found = lookUp(hash);
        if (found.isPresent()) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(hash, new Cached(found.get(), now));
        } else {
            cache.remove(hash);
        }
        return found;
    }

    private Optional<TillPrincipal> lookUp(String tokenHash) {
        return dsl.select(TILL.ID, TILL.CODE, STORE.ID, STORE.CODE, LOCATION.ID)
                .from(TILL).join(STORE).on(STORE.ID.eq(TILL.STORE_ID))
                .leftJoin(LOCATION).on(LOCATION.STORE_ID.eq(STORE.ID).and(LOCATION.KIND.eq("STORE")))
                .where(TILL.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new TillPrincipal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Whether this admin user exists with this password. */
    boolean admin(String username, char[] password) {
        String stored = dsl.select(ADMIN_USER.PASSWORD_HASH).from(ADMIN_USER).where(ADMIN_USER.USERNAME.eq(username))
                .fetchOne(ADMIN_USER.PASSWORD_HASH);
        if (stored == null) {
            // hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed
            passwords.matches(password, unknownUserHash);
            return false;
        }
        return passwords.matches(password, stored);
    }

    /** Creates the admin user, or sets the password of the existing one. */
    void saveAdmin(String username, char[] password) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("an admin user name is 1 to 64 letters, digits or . _ @ -");
        }
        if (password.length < 10) {
            throw new IllegalArgumentException("an admin password needs at least 10 characters");
        }
        String hash = passwords.hash(password);
        dsl.insertInto(ADMIN_USER, ADMIN_USER.USERNAME, ADMIN_USER.PASSWORD_HASH, ADMIN_USER.CREATED_AT)
                .values(username, hash, now())
                .onConflict(ADMIN_USER.USERNAME)
                .doUpdate().set(ADMIN_USER.PASSWORD_HASH, hash)
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
