package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.domain.model.session.SessionId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

    private final RevokedSessions revoked = new RevokedSessions(1_000, Duration.ZERO, InstantSource.system(),
            new SimpleMeterRegistry());

    @Test
    void givenRememberedSession_itIsRevokedUntilItsLastAccessTokenExpires_thenForgotten() {
        SessionId session = new SessionId(UUID.randomUUID());
        SessionId other = new SessionId(UUID.randomUUID());
        revoked.remember(List.of(session), Instant.now().plusMillis(300));

        assertThat(revoked.contains(session)).isTrue();
        assertThat(revoked.contains(other)).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !revoked.contains(session));
    }

    @Test
    void givenRememberedTwice_theLaterExpiryWins() {
        SessionId session = new SessionId(UUID.randomUUID());
        revoked.remember(List.of(session), Instant.now().plusSeconds(600));
        revoked.remember(List.of(session), Instant.now().minusSeconds(1));

        assertThat(revoked.contains(session)).isTrue();
    }

    @Test
    void givenTokensAlreadyExpired_nothingIsKept() {
        SessionId session = new SessionId(UUID.randomUUID());
        revoked.remember(List.of(session), Instant.now().minusSeconds(1));

        assertThat(revoked.contains(session)).isFalse();
    }

    @Test
    void givenTheBoundIsReached_theForgottenRevocationIsNotSilent_cachesAreDistrustedUntilItsTokensExpire() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        MeterRegistry meters = new SimpleMeterRegistry();
        RevokedSessions small = new RevokedSessions(10, Duration.ofSeconds(30), clock, meters, Runnable::run);
        small.loaded();
        List<SessionId> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SessionId id = new SessionId(UUID.randomUUID());
            ids.add(id);
            small.remember(List.of(id), clock.now.plus(Duration.ofMinutes(15)));
        }

        assertThat(ids.stream().filter(small::contains)).as("some revocations were dropped for room").hasSizeLessThan(50);
        assertThat(small.complete()).isFalse();
        assertThat(meters.get("latchkey.revoked.sessions.evicted").counter().count()).isGreaterThanOrEqualTo(40);
        assertThat(meters.get("latchkey.revoked.sessions").gauge().value()).isLessThanOrEqualTo(10);

        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(59);
        assertThat(small.complete()).as("a forgotten session's token is still within twice the leeway").isFalse();
        clock.now = clock.now.plusSeconds(2);
        assertThat(small.complete()).as("every forgotten session's tokens have expired").isTrue();
    }

    @Test
    void givenNothingDropped_theMemoryIsCompleteOnceTheRecordWasLoaded() {
        SessionId session = new SessionId(UUID.randomUUID());
        revoked.remember(List.of(session), Instant.now().plusSeconds(600));

        assertThat(revoked.complete()).as("revocations made before this instance started are not known yet").isFalse();
        revoked.loaded();
        assertThat(revoked.complete()).isTrue();
    }

    private static final class MutableClock implements InstantSource {

        private volatile Instant now;

        private MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
