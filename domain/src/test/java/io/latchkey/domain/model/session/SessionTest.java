package io.latchkey.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final TokenPolicy policy = new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofSeconds(10));
    private final Session started = Session.start(new SessionId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
            ClientInfo.UNKNOWN, SessionAuthentication.password(T0), policy, T0);

    @Test
    void givenNewSession_start_setsIdleAndAbsoluteExpiry() {
        assertThat(started.generation()).isZero();
        assertThat(started.idleExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(started.absoluteExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(started.isUsableAt(T0)).isTrue();
    }

    @Test
    void givenRotationNearTheEnd_rotated_neverExtendsPastAbsoluteExpiry() {
        Instant late = T0.plus(Duration.ofDays(2).plusHours(20));
        Session rotated = started.rotated(policy, late);
        assertThat(rotated.generation()).isEqualTo(1);
        assertThat(rotated.idleExpiresAt()).isEqualTo(started.absoluteExpiresAt());
        assertThat(rotated.isUsableAt(started.absoluteExpiresAt())).isFalse();
    }

    @Test
    void givenIdleTimeout_isUsableAt_isFalse() {
        assertThat(started.isUsableAt(T0.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void givenPreviousGenerationInsideGrace_isGraceRetry_isTrue() {
        Session rotated = started.rotated(policy, T0.plusSeconds(60));
        assertThat(rotated.isGraceRetry(0, policy, T0.plusSeconds(70))).isTrue();
    }

    @Test
    void givenPreviousGenerationAfterGrace_isGraceRetry_isFalse() {
        Session rotated = started.rotated(policy, T0.plusSeconds(60));
        assertThat(rotated.isGraceRetry(0, policy, T0.plusSeconds(71))).isFalse();
    }

    @Test
    void givenOlderGeneration_isGraceRetry_isFalse() {
        Session twice = started.rotated(policy, T0.plusSeconds(1)).rotated(policy, T0.plusSeconds(2));
        assertThat(twice.isGraceRetry(0, policy, T0.plusSeconds(3))).isFalse();
        assertThat(twice.isGraceRetry(1, policy, T0.plusSeconds(3))).isTrue();
    }

    @Test
    void givenPasswordSession_rotated_keepsItsAuthentication() {
        Session rotated = started.rotated(policy, T0.plusSeconds(600));

        assertThat(rotated.authentication()).isEqualTo(started.authentication());
        assertThat(rotated.authentication().authTime()).isEqualTo(T0);
    }

    @Test
    void givenPasswordSession_reauthenticatedWithOtp_movesAuthTimeAndAddsMfa() {
        Instant later = T0.plusSeconds(900);

        Session stepped = started.reauthenticated(java.util.List.of(AuthMethod.OTP), later);

        assertThat(stepped.authentication().authTime()).isEqualTo(later);
        assertThat(stepped.authentication().amr()).containsExactly("pwd", "otp", "mfa");
        assertThat(stepped.generation()).isEqualTo(started.generation());
        assertThat(stepped.id()).isEqualTo(started.id());
    }
}
