package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NearCachePurgesTest {

    private final CaffeineNearAuthCache near = new CaffeineNearAuthCache(new NearCacheSettings(Duration.ofSeconds(5), 100),
            new RevokedSessions(100, Duration.ZERO, InstantSource.system(), new SimpleMeterRegistry()),
            new SimpleMeterRegistry());
    private final UserId user = new UserId(UUID.randomUUID());
    private final AuthSnapshot snapshot = new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER"), true,
            0, Instant.now().plus(Duration.ofMinutes(10)));

    NearCachePurgesTest() {
        near.putSession(snapshot, near.purgeCount(user)).block();
    }

    @Test
    void givenItsOwnAnnouncement_anInstanceDoesNotPurgeItselfAgain() {
        long before = near.purgeCount(user);
        NearCachePurges.apply(near, "a", NearCachePurges.session("a", user, snapshot.sessionId())).block();
        NearCachePurges.apply(near, "a", NearCachePurges.user("a", user)).block();
        assertThat(near.holds(snapshot.sessionId())).isTrue();
        assertThat(near.purgeCount(user)).as("no purge counted").isEqualTo(before);
    }

    @Test
    void givenAnotherInstancesAnnouncement_theSessionIsDropped() {
        NearCachePurges.apply(near, "a", NearCachePurges.session("b", user, snapshot.sessionId())).block();
        assertThat(near.holds(snapshot.sessionId())).isFalse();
    }

    @Test
    void givenAnAnnouncementWithoutOrigin_itIsApplied() {
        NearCachePurges.apply(near, "a", "u:" + user).block();
        assertThat(near.holds(snapshot.sessionId())).isFalse();
    }

    @Test
    void givenGarbage_nothingHappens() {
        NearCachePurges.apply(near, "a", "b|s:not-a-user").block();
        NearCachePurges.apply(near, "a", null).block();
        assertThat(near.holds(snapshot.sessionId())).isTrue();
    }
}
