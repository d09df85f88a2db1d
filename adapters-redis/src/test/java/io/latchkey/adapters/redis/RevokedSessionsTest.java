package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.domain.model.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

    private final RevokedSessions revoked = new RevokedSessions(1_000, Duration.ZERO, InstantSource.system());

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
}
