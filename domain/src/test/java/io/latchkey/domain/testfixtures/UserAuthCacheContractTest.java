package io.latchkey.domain.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.UserAuthCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UserAuthCache} must do; the in-memory fake and the Redis adapter both run it. */
public abstract class UserAuthCacheContractTest {

    protected abstract UserAuthCache cache();

    protected abstract Instant now();

    private AuthSnapshot snapshotOf(UserId user) {
        return new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER", "ADMIN"), true, 3,
                now().plus(Duration.ofHours(1)));
    }

    @Test
    void givenFillAtCurrentGeneration_findSession_returnsIt() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        long generation = cache().generation(user).block();
        cache().putSession(snapshot, generation).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isEqualTo(snapshot);
    }

    @Test
    void givenPurgeBetweenReadAndFill_putSession_isDropped() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        long generation = cache().generation(user).block();
        cache().evictUser(user).block();
        cache().putSession(snapshot, generation).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isNull();
    }

    @Test
    void givenTwoSessions_evictSession_removesOnlyThatOne() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot first = snapshotOf(user);
        AuthSnapshot second = snapshotOf(user);
        long generation = cache().generation(user).block();
        cache().putSession(first, generation).block();
        cache().putSession(second, generation).block();
        cache().evictSession(user, first.sessionId()).block();
        assertThat(cache().findSession(user, first.sessionId()).block()).isNull();
        assertThat(cache().findSession(user, second.sessionId()).block()).isEqualTo(second);
        assertThat(cache().generation(user).block()).isGreaterThan(generation);
    }

    @Test
    void givenSessionsAndProfile_evictUser_removesAllOfThem() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot first = snapshotOf(user);
        AuthSnapshot second = snapshotOf(user);
        UserProfile profile = UserFixtures.anActiveUser(now()).profile();
        UserId owner = profile.id();
        long generation = cache().generation(user).block();
        cache().putSession(first, generation).block();
        cache().putSession(second, generation).block();
        cache().putProfile(profile, cache().generation(owner).block()).block();
        cache().evictUser(user).block();
        cache().evictUser(owner).block();
        assertThat(cache().findSession(user, first.sessionId()).block()).isNull();
        assertThat(cache().findSession(user, second.sessionId()).block()).isNull();
        assertThat(cache().findProfile(owner).block()).isNull();
    }

    @Test
    void givenProfileFill_findProfile_roundTripsEveryField() {
        UserProfile profile = UserFixtures.anActiveUser(now()).profile();
        cache().putProfile(profile, cache().generation(profile.id()).block()).block();
        assertThat(cache().findProfile(profile.id()).block()).isEqualTo(profile);
    }
}
