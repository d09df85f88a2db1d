package io.latchkey.adapters.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.latchkey.domain.model.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;

/**
 * This instance's memory of revoked sessions, each kept until the last access token it could have issued is past
 * its expiry plus the verifier's clock leeway; after that no token of it passes the signature check anyway. Bounded:
 * past {@code maxEntries} the least used are forgotten and the shared cache's purge is the only guard left.
 */
public final class RevokedSessions {

    private final Cache<SessionId, Instant> until;
    private final InstantSource clock;

    public RevokedSessions(long maxEntries, Duration leeway, InstantSource clock) {
        if (maxEntries < 1 || leeway.isNegative()) {
            throw new IllegalArgumentException("maxEntries must be positive and leeway not negative");
        }
        this.clock = clock;
        this.until = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfter(Expiry.writing((SessionId id, Instant end) -> remaining(end.plus(leeway))))
                .build();
    }

    void remember(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        for (SessionId id : sessionIds) {
            until.asMap().merge(id, accessTokensValidUntil, (kept, offered) -> kept.isAfter(offered) ? kept : offered);
        }
    }

    boolean contains(SessionId sessionId) {
        return until.getIfPresent(sessionId) != null;
    }

    private Duration remaining(Instant end) {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
