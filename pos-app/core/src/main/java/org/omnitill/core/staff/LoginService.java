package org.omnitill.core.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omnitill.core.config.OfficeSettings;
import org.omnitill.core.journal.AuditEntry;
import org.omnitill.core.journal.Documents;
import org.omnitill.core.store.TillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs staff in by PIN or badge, locks a member out after repeated wrong PINs, and checks a
 * supervisor's approval of one action. Sign-ins, sign-outs, lockouts and approvals are journal
 * documents; a wrong PIN is counted on the member and audited.
 */
public final class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    public static final String LOGIN = "staff-login";
    public static final String LOGOUT = "staff-logout";
    public static final String LOCKOUT = "staff-lockout";
    /** Failed PINs, unknown badges, refused approvals. */
    public static final String AUDIT = "staff-audit";

    private final TillStore store;
    private final PinHasher hasher;
    private final Documents documents;
    private final PermissionPolicy policy;
    private final OfficeSettings office;
    private final Clock clock;

    public LoginService(TillStore store, PinHasher hasher, Documents documents, PermissionPolicy policy,
                        OfficeSettings office, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.documents = documents;
        this.policy = policy;
        this.office = office;
        this.clock = clock;
    }

    public PermissionPolicy policy() {
        return policy;
    }

    public List<StaffMember> activeStaff() {
        return store.session().staff().findActive();
    }

    /**
     * Checks the PIN of one staff member and records the sign-in. The PIN array is wiped before
     * returning. A locked-out member is refused without the PIN being checked.
     */
    public SignIn signIn(StaffMember member, char[] pin) {
        SignIn result = checkPin(member, pin);
        if (result instanceof SignIn.SignedIn) {
            record(LOGIN, member, "PIN", null, "signed in by PIN");
        }
        return result;
    }

    /** Signs in whoever the badge belongs to. */
    public SignIn signInByBadge(String badge) {
        Optional<StaffMember> member = findByBadge(badge);
        if (member.isEmpty()) {
            audit(null, "LOGIN_FAILED", "a badge that belongs to nobody was scanned");
            return new SignIn.Refused(-1);
        }
        record(LOGIN, member.get(), "BADGE", null, "signed in by badge");
        return new SignIn.SignedIn(member.get());
    }

    /** Records a sign-out: by hand, an automatic lock, or another member taking over the till. */
    public void signOut(StaffMember member, String reason) {
        record(LOGOUT, member, null, reason, "signed out (" + reason + ")");
    }

    /**
     * A supervisor approves one {@code permission} for {@code forWhom} with their PIN. Wrong PINs count
     * towards the supervisor's lockout, like at sign-in.
     *
     * @throws NotAllowedException when the PIN is wrong, the member is locked out or their role lacks it
     */
    public Approval approve(Permission permission, StaffMember forWhom, StaffMember approver, char[] pin) {
        SignIn result = checkPin(approver, pin);
        if (result instanceof SignIn.LockedOut locked) {
            throw new ApprovalRefusedException(approver.displayName() + " is locked out until " + locked.until());
        }
        if (!(result instanceof SignIn.SignedIn)) {
            throw new ApprovalRefusedException("wrong PIN for " + approver.displayName());
        }
        return grant(permission, forWhom, approver);
    }

    /** A supervisor approves one {@code permission} for {@code forWhom} by scanning their badge. */
    public Approval approveByBadge(Permission permission, StaffMember forWhom, String badge) {
        StaffMember approver = findByBadge(badge)
                .orElseThrow(() -> new ApprovalRefusedException("that badge belongs to nobody"));
        return grant(permission, forWhom, approver);
    }

    private Approval grant(Permission permission, StaffMember forWhom, StaffMember approver) {
        if (!policy.allows(approver, permission)) {
            audit(approver, "OVERRIDE_REFUSED", approver.displayName() + " may not approve "
                    + NotAllowedException.describe(permission));
            throw new ApprovalRefusedException(approver.displayName() + " may not approve "
                    + NotAllowedException.describe(permission) + " either");
        }
        LOG.info("{} approved {} for {}", approver.displayName(), permission, forWhom.displayName());
        return new Approval(permission, approver, clock.instant());
    }

    /** Adds a staff member with a new PIN. */
    public StaffMember enrol(String displayName, Role role, char[] pin) {
        try {
            return store.session().staff().add(displayName, role, hasher.hash(pin));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Gives a member a badge; scanning it signs them in. */
    public void assignBadge(StaffMember member, String badge) {
        if (badge == null || badge.isBlank() || badge.strip().length() < 6) {
            throw new IllegalArgumentException("a badge code has at least 6 characters");
        }
        store.session().staff().setBadge(member.id(), badgeHash(badge));
    }

    private Optional<StaffMember> findByBadge(String badge) {
        if (badge == null || badge.isBlank()) {
            return Optional.empty();
        }
        return store.session().staff().findByBadge(badgeHash(badge));
    }

    /**
     * A badge is looked up by its SHA-256 (ADR 0019): unlike a PIN it is a token people carry, not
     * a secret they know, so a salted slow hash (which cannot be looked up) buys little.
     */
    static String badgeHash(String badge) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(badge.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SignIn checkPin(StaffMember member, char[] pin) {
        try {
            Instant now = clock.instant();
            Optional<StaffRepository.Credentials> found = store.session().staff().credentials(member.id());
            if (found.isEmpty()) {
                return new SignIn.Refused(-1);
            }
            StaffRepository.Credentials credentials = found.get();
            if (credentials.lockedUntil() != null && now.isBefore(credentials.lockedUntil())) {
                return new SignIn.LockedOut(credentials.lockedUntil());
            }
            if (!PinHasher.isWellFormed(pin)) {
                return new SignIn.Refused(-1); // not a PIN at all (empty, letters): not counted as a guess
            }
            // a lockout that ran out starts the count again
            int before = credentials.lockedUntil() != null ? 0 : credentials.failedAttempts();
            if (hasher.matches(pin, credentials.pinHash())) {
                if (credentials.failedAttempts() != 0 || credentials.lockedUntil() != null) {
                    store.session().staff().recordFailures(member.id(), 0, null);
                }
                return new SignIn.SignedIn(member);
            }
            int failures = before + 1;
            if (failures >= office.maxPinFailures()) {
                Instant until = now.plus(Duration.ofMinutes(office.lockoutMinutes()));
                Map<String, Object> fields = staffFields(member);
                fields.put("failures", failures);
                fields.put("lockedUntil", until.toString());
                store.transactionVoid(session -> {
                    session.staff().recordFailures(member.id(), failures, until);
                    documents.write(session, LOCKOUT, documents.newId(), now, fields, List.of(new AuditEntry(
                            "LOCKOUT", member.id(), member.displayName(), null, null,
                            failures + " wrong PINs in a row; locked until " + until)));
                });
                store.syncToDisk();
                LOG.warn("{} locked out after {} wrong PINs", member.displayName(), failures);
                return new SignIn.LockedOut(until);
            }
            String detail = "wrong PIN (" + failures + " of " + office.maxPinFailures() + ")";
            store.transactionVoid(session -> {
                session.staff().recordFailures(member.id(), failures, null);
                writeAudit(session, member, "LOGIN_FAILED", detail);
            });
            store.syncToDisk();
            return new SignIn.Refused(office.maxPinFailures() - failures);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private void record(String type, StaffMember member, String method, String reason, String detail) {
        Map<String, Object> fields = staffFields(member);
        fields.put("method", method);
        fields.put("reason", reason);
        documents.writeNow(store, type, clock.instant(), fields, List.of(new AuditEntry(
                type.equals(LOGIN) ? "LOGIN" : "LOGOUT", member.id(), member.displayName(), null, null, detail)));
    }

    /** A failed attempt: audited as a journal document too, so PIN guessing shows at the hub. */
    private void audit(StaffMember member, String kind, String detail) {
        store.transactionVoid(session -> writeAudit(session, member, kind, detail));
        store.syncToDisk();
    }

    private void writeAudit(TillStore.Session session, StaffMember member, String kind, String detail) {
        Map<String, Object> fields = member == null ? new LinkedHashMap<>() : staffFields(member);
        fields.put("event", kind);
        fields.put("detail", detail);
        documents.write(session, AUDIT, documents.newId(), clock.instant(), fields, List.of(new AuditEntry(kind,
                member == null ? null : member.id(), member == null ? null : member.displayName(), null, null, detail)));
    }

    static Map<String, Object> staffFields(StaffMember member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("staff", Map.of("id", member.id(), "name", member.displayName(), "role", member.role().name()));
        return fields;
    }
}
