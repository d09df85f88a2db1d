package io.latchkey.domain.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.AuthCache;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuthCache} must do; the in-memory fake and the tiered Redis adapter both run it. */
public abstract class AuthCacheContractTest {

    protected abstract AuthCache cache();

    protected abstract Instant now();

    private AuthSnapshot snapshotOf(UserId user) {
        return new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER", "ADMIN"), true, 3,
                now().plus(Duration.ofHours(1)));
    }

    @Test
    void givenFillAtCurrentGeneration_findSession_returnsIt() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        PurgeCount count = cache().purgeCount(user).block();
        cache().putSession(snapshot, count).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isEqualTo(snapshot);
    }

    @Test
    void givenPurgeBetweenReadAndFill_putSession_isDropped() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        PurgeCount count = cache().purgeCount(user).block();
        cache().evictUser(user).block();
        cache().putSession(snapshot, count).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isNull();
    }

    @Test
    void givenTwoSessions_evictSession_removesOnlyThatOne() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot first = snapshotOf(user);
        AuthSnapshot second = snapshotOf(user);
        PurgeCount count = cache().purgeCount(user).block();
        cache().putSession(first, count).block();
        cache().putSession(second, count).block();
        cache().evictSession(user, first.sessionId()).block();
        assertThat(cache().findSession(user, first.sessionId()).block()).isNull();
        assertThat(cache().findSession(user, second.sessionId()).block()).isEqualTo(second);
        assertThat(cache().purgeCount(user).block()).isNotEqualTo(count);
    }

    @Test
    void givenSessionsAndProfile_evictUser_removesAllOfThem() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot first = snapshotOf(user);
        AuthSnapshot second = snapshotOf(user);
        UserProfile profile = UserFixtures.anActiveUser(now()).profile();
        UserId owner = profile.id();
        PurgeCount count = cache().purgeCount(user).block();
        cache().putSession(first, count).block();
        cache().putSession(second, count).block();
        cache().putProfile(profile, cache().purgeCount(owner).block()).block();
        cache().evictUser(user).block();
        cache().evictUser(owner).block();
        assertThat(cache().findSession(user, first.sessionId()).block()).isNull();
        assertThat(cache().findSession(user, second.sessionId()).block()).isNull();
        assertThat(cache().findProfile(owner).block()).isNull();
    }

    @Test
    void givenProfileFill_findProfile_roundTripsEveryField() {
        UserProfile profile = UserFixtures.anActiveUser(now()).profile();
        cache().putProfile(profile, cache().purgeCount(profile.id()).block()).block();
        assertThat(cache().findProfile(profile.id()).block()).isEqualTo(profile);
    }

    @Test
    void givenSessionReadOnce_aPurgeBetweenReadAndFill_dropsTheFillInEveryTier() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        PurgeCount before = cache().purgeCount(user).block();
        cache().evictSession(user, snapshot.sessionId()).block();
        cache().putSession(snapshot, before).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).as("first read").isNull();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).as("second read").isNull();
    }

    @Test
    void givenCachedSession_evictLocalSession_keepsTheSharedCopy() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        cache().putSession(snapshot, cache().purgeCount(user).block()).block();
        cache().evictLocalSession(user, snapshot.sessionId()).block();
        cache().evictLocalUser(user).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).as("refilled from the shared tier")
                .isEqualTo(snapshot);
    }

    @Test
    void givenLocalFill_theSessionAndProfileAreServedHere_andTheSharedTierNeverSeesThem() {
        UserProfile profile = UserFixtures.anActiveUser(now()).profile();
        UserId user = profile.id();
        AuthSnapshot snapshot = snapshotOf(user);
        long count = cache().localPurgeCount(user);
        cache().putSessionLocally(snapshot, count).block();
        cache().putProfileLocally(profile, count).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isEqualTo(snapshot);
        assertThat(cache().findProfile(user).block()).isEqualTo(profile);
        cache().evictLocalUser(user).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).as("nothing in the shared tier").isNull();
        assertThat(cache().findProfile(user).block()).isNull();
    }

    @Test
    void givenPurgeHereBetweenReadAndLocalFill_theLocalFillIsDropped() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = snapshotOf(user);
        long count = cache().localPurgeCount(user);
        cache().evictLocalSession(user, new SessionId(UUID.randomUUID())).block();
        cache().putSessionLocally(snapshot, count).block();
        assertThat(cache().findSession(user, snapshot.sessionId()).block()).isNull();
    }

    @Test
    void givenRevokedSessionRemembered_isRevoked_untilNothingElse() {
        SessionId revoked = new SessionId(UUID.randomUUID());
        cache().rememberRevoked(java.util.List.of(revoked), now().plus(Duration.ofMinutes(15)));
        assertThat(cache().isRevoked(revoked)).isTrue();
        assertThat(cache().isRevoked(new SessionId(UUID.randomUUID()))).isFalse();
    }
}
