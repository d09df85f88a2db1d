package io.latchkey.application.service;

import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditTypes;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AddressDigests;
import io.latchkey.domain.port.AuditRepository;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Records failed logins and the lockouts they cause in the audit trail: against the account when the address has
 * one, else under a keyed digest of the address (never the address itself, never the password). Both kinds cost
 * the same lookup, so recording does not tell them apart by timing.
 */
public final class LoginAudit {

    /** A wrong password, or an address without an account. */
    static final String BAD_CREDENTIALS = "bad_credentials";
    /** Refused without a check: the subject was locked. */
    static final String LOCKED = "locked";

    private final AuditRepository audit;
    private final AddressDigests digests;
    private final UserRepository users;
    private final IdGenerator ids;
    private final InstantSource clock;

    public LoginAudit(AuditRepository audit, AddressDigests digests, UserRepository users, IdGenerator ids,
            InstantSource clock) {
        this.audit = audit;
        this.digests = digests;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    /** One failed attempt and, when it locked the subject, the lockout; {@code reason} is one of the constants. */
    Mono<Void> failed(LockoutSubject subject, String reason, @Nullable Instant lockedUntil) {
        return users.findByEmail(subject.address()).map(User::id).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(account -> {
                    Instant now = clock.instant();
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("reason", reason);
                    detail.put("known_device", subject.knownDevice().isPresent());
                    if (account.isEmpty()) {
                        detail.put("address_digest", digests.of(subject.address()));
                    }
                    UserId user = account.orElse(null);
                    Mono<Void> failure = audit.append(new AuditFact(ids.newId(), now, AuditTypes.LOGIN_FAILED, user,
                            null, null, detail));
                    if (lockedUntil == null) {
                        return failure;
                    }
                    Map<String, Object> lock = new LinkedHashMap<>(detail);
                    lock.remove("reason");
                    lock.put("locked_until", lockedUntil.toString());
                    return failure.then(audit.append(new AuditFact(ids.newId(), now, AuditTypes.LOGIN_LOCKED, user, null,
                            null, lock)));
                });
    }
}
