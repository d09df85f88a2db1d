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
    void announcements_useTheFormatThePreviousVersionParses() {
        // The previous version applies only messages starting with "u:" or "s:" (a rolling upgrade runs both).
        assertThat(NearCachePurges.user(user)).isEqualTo("u:" + user);
        assertThat(NearCachePurges.session(user, snapshot.sessionId())).isEqualTo("s:" + user + ":" + snapshot.sessionId());
    }

    @Test
    void givenASessionAnnouncement_theSessionIsDropped() {
        NearCachePurges.apply(near, NearCachePurges.session(user, snapshot.sessionId())).block();
        assertThat(near.holds(snapshot.sessionId())).isFalse();
    }

    @Test
    void givenAUserAnnouncement_itsSessionsAreDroppedAndThePurgeCounted() {
        long before = near.purgeCount(user);
        NearCachePurges.apply(near, NearCachePurges.user(user)).block();
        assertThat(near.holds(snapshot.sessionId())).isFalse();
        assertThat(near.purgeCount(user)).isGreaterThan(before);
    }

    @Test
    void givenAnAnnouncementTaggedWithAnOrigin_itIsApplied() {
        NearCachePurges.apply(near, "another-instance|u:" + user).block();
        assertThat(near.holds(snapshot.sessionId())).isFalse();
    }

    @Test
    void givenGarbage_nothingHappens() {
        NearCachePurges.apply(near, "b|s:not-a-user").block();
        NearCachePurges.apply(near, "s:not-a-user").block();
        NearCachePurges.apply(near, null).block();
        assertThat(near.holds(snapshot.sessionId())).isTrue();
    }
}
