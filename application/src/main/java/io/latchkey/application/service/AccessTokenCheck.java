package io.latchkey.application.service;

import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * The hot path shared by authentication, verification and introspection: verify the token locally, then ask whether
 * its session still admits it: this instance's memory of revoked sessions, then the auth cache read through to
 * PostgreSQL ({@link CachedReads}). Any doubt ends in 401 (revoked) or 503 (cannot tell), never in an accept.
 */
final class AccessTokenCheck {

    private static final IllegalStateException REVOCATIONS_FORGOTTEN = new IllegalStateException(
            "the memory of revoked sessions dropped entries for room; caches are bypassed");

    private final AccessTokenVerifier verifier;
    private final AuthCache cache;
    private final CachedReads reads;
    private final SessionRepository sessions;
    private final InstantSource clock;

    AccessTokenCheck(AccessTokenVerifier verifier, AuthCache cache, SessionRepository sessions,
            FallbackGate fallbackGate, InstantSource clock) {
        this.verifier = verifier;
        this.cache = cache;
        this.reads = new CachedReads(cache, fallbackGate);
        this.sessions = sessions;
        this.clock = clock;
    }

    Mono<CheckedToken> check(String encoded) {
        return Mono.fromCallable(() -> verifier.verify(encoded))
                .flatMap(claims -> snapshotFor(claims).map(snapshot -> admit(snapshot, claims)));
    }

    private Mono<AuthSnapshot> snapshotFor(AccessTokenClaims claims) {
        // Before any cache: Redis may be back from an outage holding an entry whose purge it never received.
        if (cache.isRevoked(claims.sessionId())) {
            return Mono.error(SessionRevokedException::new);
        }
        if (!cache.remembersEveryRevocation()) {
            // The memory dropped a revocation for room: a cache that missed that purge would admit it, so ask PostgreSQL.
            return reads.bypassing(() -> fromRecord(claims), REVOCATIONS_FORGOTTEN);
        }
        return reads.session(claims.subject(), claims.sessionId(), () -> fromRecord(claims));
    }

    private Mono<AuthSnapshot> fromRecord(AccessTokenClaims claims) {
        return sessions.findActiveSnapshot(claims.sessionId())
                .switchIfEmpty(Mono.error(SessionRevokedException::new));
    }

    private CheckedToken admit(AuthSnapshot snapshot, AccessTokenClaims claims) {
        if (!snapshot.admits(claims, clock.instant())) {
            throw new SessionRevokedException();
        }
        return new CheckedToken(claims, snapshot);
    }
}
