package io.latchkey.adapters.redis;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * No near cache ({@code latchkey.cache.near-enabled=false}): every request asks Redis. Revoked sessions are still
 * remembered, since they guard against a shared cache that missed a purge.
 */
public final class DisabledNearAuthCache implements NearAuthCache {

    private final RevokedSessions revoked;

    public DisabledNearAuthCache(RevokedSessions revoked) {
        this.revoked = revoked;
    }

    @Override
    public long purgeCount(UserId userId) {
        return 0;
    }

    @Override
    public Mono<Void> evictAll() {
        return Mono.empty();
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> putSession(AuthSnapshot snapshot, long expectedPurgeCount) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> putFallbackSession(AuthSnapshot snapshot, long expectedPurgeCount) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> putFallbackProfile(UserProfile profile, long expectedPurgeCount) {
        return Mono.empty();
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> putProfile(UserProfile profile, long expectedPurgeCount) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> evictUser(UserId userId) {
        return Mono.empty();
    }

    @Override
    public void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        revoked.remember(sessionIds, accessTokensValidUntil);
    }

    @Override
    public boolean isRevoked(SessionId sessionId) {
        return revoked.contains(sessionId);
    }

    @Override
    public boolean remembersEveryRevocation() {
        return revoked.complete();
    }

    @Override
    public void revocationsLoaded() {
        revoked.loaded();
    }
}
