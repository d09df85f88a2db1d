package io.latchkey.application.service;

import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.NearAuthCache;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.UserAuthCache;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * The hot path shared by authentication, verification and introspection: verify the token locally, then
 * ask whether its session still admits it: this instance's memory of revoked sessions, its near cache (seconds),
 * then the per-user Redis cache, then PostgreSQL with a refill; with Redis down, PostgreSQL through a bounded gate.
 * Any doubt ends in 401 (revoked) or 503 (cannot tell), never in an accept.
 */
final class AccessTokenCheck {

    private static final IllegalStateException REVOCATIONS_FORGOTTEN = new IllegalStateException(
            "the memory of revoked sessions dropped entries for room; caches are bypassed");

    private final AccessTokenVerifier verifier;
    private final NearAuthCache near;
    private final UserAuthCache cache;
    private final SessionRepository sessions;
    private final FallbackGate fallbackGate;
    private final InstantSource clock;

    AccessTokenCheck(AccessTokenVerifier verifier, NearAuthCache near, UserAuthCache cache, SessionRepository sessions,
            FallbackGate fallbackGate, InstantSource clock) {
        this.verifier = verifier;
        this.near = near;
        this.cache = cache;
        this.sessions = sessions;
        this.fallbackGate = fallbackGate;
        this.clock = clock;
    }

    Mono<CheckedToken> check(String encoded) {
        return Mono.fromCallable(() -> verifier.verify(encoded))
                .flatMap(claims -> snapshotFor(claims).map(snapshot -> admit(snapshot, claims)));
    }

    private Mono<AuthSnapshot> snapshotFor(AccessTokenClaims claims) {
        // Before any cache: Redis may be back from an outage holding an entry whose purge it never received.
        if (near.isRevoked(claims.sessionId())) {
            return Mono.error(SessionRevokedException::new);
        }
        if (!near.remembersEveryRevocation()) {
            // The memory dropped a revocation for room: a cache that missed that purge would admit it, so ask PostgreSQL.
            return fallbackGate.through(() -> fromRecord(claims), REVOCATIONS_FORGOTTEN);
        }
        return near.findSession(claims.subject(), claims.sessionId()).switchIfEmpty(Mono.defer(() -> {
            long generation = near.generation(claims.subject());
            return shared(claims).flatMap(snapshot -> near.putSession(snapshot, generation).thenReturn(snapshot));
        }));
    }

    private Mono<AuthSnapshot> shared(AccessTokenClaims claims) {
        return cache.findSession(claims.subject(), claims.sessionId())
                .switchIfEmpty(Mono.defer(() -> refill(claims)))
                .onErrorResume(CacheFailures::isCacheFailure,
                        e -> fallbackGate.through(() -> fromRecord(claims), e));
    }

    private Mono<AuthSnapshot> refill(AccessTokenClaims claims) {
        return cache.generation(claims.subject()).flatMap(generation -> fromRecord(claims)
                .flatMap(snapshot -> cache.putSession(snapshot, generation).thenReturn(snapshot)));
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
