package io.latchkey.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionAuthenticationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void givenPasswordOnly_amr_isPwdWithoutMfa() {
        assertThat(SessionAuthentication.password(T0).amr()).containsExactly("pwd");
    }

    @Test
    void givenPasswordAndOtp_constructed_derivesMfa() {
        assertThat(SessionAuthentication.of(List.of(AuthMethod.PWD, AuthMethod.OTP), T0).amr())
                .containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void givenTwoPossessionMethods_constructed_isNotMfa() {
        assertThat(SessionAuthentication.of(List.of(AuthMethod.OTP, AuthMethod.HWK), T0).methods())
                .doesNotContain(AuthMethod.MFA);
    }

    @Test
    void givenMfaClaimedAlone_constructed_isRefused() {
        assertThatThrownBy(() -> SessionAuthentication.of(List.of(AuthMethod.MFA), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenMfaClaimedWithOneFactor_constructed_dropsIt() {
        assertThat(SessionAuthentication.of(List.of(AuthMethod.PWD, AuthMethod.MFA), T0).amr()).containsExactly("pwd");
    }

    @Test
    void givenFederatedSignIn_constructed_carriesProviderAndFed() {
        SessionAuthentication fed = SessionAuthentication.federated("google", T0);

        assertThat(fed.amr()).containsExactly("fed");
        assertThat(fed.identityProvider()).isEqualTo("google");
    }

    @Test
    void givenFedWithoutProvider_constructed_isRefused() {
        assertThatThrownBy(() -> new SessionAuthentication(Set.of(AuthMethod.FED), T0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionAuthentication(Set.of(AuthMethod.PWD), T0, "google"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenFederatedSession_reauthenticatedWithPasskey_keepsProviderAndBecomesMfa() {
        SessionAuthentication stepped = SessionAuthentication.federated("google", T0)
                .reauthenticated(List.of(AuthMethod.HWK), T0.plusSeconds(60));

        assertThat(stepped.amr()).containsExactly("hwk", "mfa", "fed");
        assertThat(stepped.identityProvider()).isEqualTo("google");
        assertThat(stepped.authTime()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void givenFederatedSession_reauthenticatedWithPassword_isNotMfa() {
        SessionAuthentication stepped = SessionAuthentication.federated("google", T0)
                .reauthenticated(List.of(AuthMethod.PWD), T0.plusSeconds(60));

        assertThat(stepped.amr()).containsExactlyInAnyOrder("pwd", "fed");
    }

    @Test
    void givenEarlierInstant_reauthenticated_neverMovesAuthTimeBack() {
        SessionAuthentication stepped = SessionAuthentication.password(T0).reauthenticated(List.of(AuthMethod.PWD),
                T0.minusSeconds(5));

        assertThat(stepped.authTime()).isEqualTo(T0);
    }

    @Test
    void givenAuthTime_isRecent_comparesWithMaxAgeInclusively() {
        SessionAuthentication auth = SessionAuthentication.password(T0);

        assertThat(auth.isRecent(T0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(5))).isTrue();
        assertThat(auth.isRecent(T0.plus(Duration.ofMinutes(5)).plusSeconds(1), Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void givenPossessionMethod_includesPossessionFactor_isTrue() {
        assertThat(SessionAuthentication.password(T0).includesPossessionFactor()).isFalse();
        assertThat(SessionAuthentication.of(List.of(AuthMethod.PWD, AuthMethod.SWK), T0).includesPossessionFactor())
                .isTrue();
    }
}
