package io.latchkey.application.service;

import io.latchkey.application.usecase.RememberRecentRevocationsUseCase;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.SessionRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Remembers every session revoked within the last access-token lifetime plus twice the clock leeway (the margin the
 * memory adds), each until its last token expires, as the {@code session.revoked} event would have.
 * The first successful load marks the memory complete; until then caches are not trusted.
 */
public final class RememberRecentRevocationsService implements RememberRecentRevocationsUseCase {

    private final SessionRepository sessions;
    private final AuthCache cache;
    private final TokenPolicy policy;
    private final Duration clockSkew;
    private final InstantSource clock;

    public RememberRecentRevocationsService(SessionRepository sessions, AuthCache cache, TokenPolicy policy,
            Duration clockSkew, InstantSource clock) {
        this.sessions = sessions;
        this.cache = cache;
        this.policy = policy;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Mono<Long> rememberRecentRevocations() {
        return Mono.defer(() -> {
            Instant since = clock.instant().minus(policy.accessTokenTtl()).minus(clockSkew.multipliedBy(2));
            return sessions.revokedSince(since)
                    .doOnNext(revoked -> cache.rememberRevoked(List.of(revoked.sessionId()),
                            revoked.revokedAt().plus(policy.accessTokenTtl())))
                    .count()
                    .doOnSuccess(loaded -> cache.revocationsLoaded());
        });
    }
}
