package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaffeineNearAuthCacheTest {

    private final CaffeineNearAuthCache near = new CaffeineNearAuthCache(new NearCacheSettings(Duration.ofSeconds(5), 100),
            new RevokedSessions(1_000, Duration.ZERO, java.time.InstantSource.system(), new SimpleMeterRegistry()),
            new SimpleMeterRegistry());

    private static AuthSnapshot snapshot(UserId user) {
        return new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER"), true, 0,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void evictAll_dropsEverySessionAndAFillThatReadItsPurgeCountBeforeDoesNotLand() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot held = snapshot(user);
        near.putSession(held, near.purgeCount(user)).block();
        AuthSnapshot other = snapshot(new UserId(UUID.randomUUID()));
        near.putSession(other, near.purgeCount(other.userId())).block();
        AuthSnapshot racing = snapshot(user);
        long readBeforeTheClear = near.purgeCount(user);

        near.evictAll().block();
        near.putSession(racing, readBeforeTheClear).block();

        assertThat(near.holds(held.sessionId())).isFalse();
        assertThat(near.holds(other.sessionId())).isFalse();
        assertThat(near.holds(racing.sessionId())).as("a fill that started before the clear").isFalse();
        AuthSnapshot after = snapshot(user);
        near.putSession(after, near.purgeCount(user)).block();
        assertThat(near.holds(after.sessionId())).as("fills after the clear work").isTrue();
    }

    @Test
    void aFallbackCopy_livesOnlyTheFallbackLifetime_andIsPurgedAndGuardedLikeAnyOther() {
        CaffeineNearAuthCache tiers = new CaffeineNearAuthCache(
                new NearCacheSettings(Duration.ofSeconds(5), Duration.ofMillis(200), 100),
                new RevokedSessions(1_000, Duration.ZERO, java.time.InstantSource.system(), new SimpleMeterRegistry()),
                new SimpleMeterRegistry());
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot fromRedis = snapshot(user);
        AuthSnapshot fromFallback = snapshot(user);
        tiers.putSession(fromRedis, tiers.purgeCount(user)).block();
        tiers.putFallbackSession(fromFallback, tiers.purgeCount(user)).block();
        assertThat(tiers.findSession(user, fromFallback.sessionId()).block()).isEqualTo(fromFallback);

        await().atMost(Duration.ofSeconds(2)).until(() -> !tiers.holds(fromFallback.sessionId()));
        assertThat(tiers.holds(fromRedis.sessionId())).as("a copy from Redis keeps its longer lifetime").isTrue();

        AuthSnapshot purged = snapshot(user);
        tiers.putFallbackSession(purged, tiers.purgeCount(user)).block();
        tiers.evictSession(user, purged.sessionId()).block();
        assertThat(tiers.holds(purged.sessionId())).isFalse();
        AuthSnapshot racing = snapshot(user);
        long readBefore = tiers.purgeCount(user);
        tiers.evictUser(user).block();
        tiers.putFallbackSession(racing, readBefore).block();
        assertThat(tiers.holds(racing.sessionId())).as("a fallback fill older than the purge").isFalse();
    }

    @Test
    void givenAPurgeAssembledButNeverSubscribed_nothingIsPurged() {
        // As LedgeredEviction does when the event's purge is already recorded: the purge must not run.
        AuthSnapshot held = snapshot(new UserId(UUID.randomUUID()));
        near.putSession(held, near.purgeCount(held.userId())).block();
        long before = near.purgeCount(held.userId());

        near.evictUser(held.userId());
        near.evictSession(held.userId(), held.sessionId());

        assertThat(near.holds(held.sessionId())).isTrue();
        assertThat(near.purgeCount(held.userId())).isEqualTo(before);
        near.evictUser(held.userId()).block();
        assertThat(near.holds(held.sessionId())).as("once subscribed it purges").isFalse();
    }
}
