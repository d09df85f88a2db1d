package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SessionOpenerTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final SessionOpener opener = kit.opener(kit.accountPolicy);
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());

    SessionOpenerTest() {
        kit.users.insert(user).block();
    }

    @Test
    void givenFederatedAuthentication_open_issuesTokensCarryingItAndAnnouncesIt() {
        SessionAuthentication fed = SessionAuthentication.federated("google", kit.clock.instant());

        TokenPair pair = opener.open(user, fed, ClientInfo.UNKNOWN).block();

        AccessTokenClaims claims = kit.tokens.verify(pair.accessToken().encoded());
        assertThat(claims.amr()).containsExactly("fed");
        assertThat(claims.idp()).isEqualTo("google");
        assertThat(claims.authTime()).isEqualTo(kit.clock.instant());
        assertThat(kit.sessions.findById(claims.sessionId()).block().authentication()).isEqualTo(fed);
        assertThat(kit.events.events()).singleElement().isInstanceOfSatisfying(SessionStarted.class, started -> {
            assertThat(started.methods()).containsExactly(AuthMethod.FED);
            assertThat(started.identityProvider()).isEqualTo("google");
        });
        assertThat(kit.cache.findSession(user.id(), claims.sessionId()).block()).isNotNull();
    }

    @Test
    void givenPasswordChangedSinceRead_nonPasswordSignIn_stillOpens() {
        kit.users.updatePassword(user.id(), new PasswordHash("$argon2id$other"), kit.clock.instant()).block();

        StepVerifier.create(opener.open(user, SessionAuthentication.of(List.of(AuthMethod.HWK), kit.clock.instant()),
                ClientInfo.UNKNOWN)).expectNextCount(1).verifyComplete();
    }

    @Test
    void givenPasswordChangedSinceRead_passwordSignIn_isRefused() {
        kit.users.updatePassword(user.id(), new PasswordHash("$argon2id$other"), kit.clock.instant()).block();

        StepVerifier.create(opener.open(user, SessionAuthentication.password(kit.clock.instant()), ClientInfo.UNKNOWN))
                .expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.sessions.count()).isZero();
        assertThat(kit.events.events()).isEmpty();
    }

    @Test
    void givenEpochRaisedSinceRead_anySignIn_isRefused() {
        kit.users.raiseAuthEpoch(user.id()).block();

        StepVerifier.create(opener.open(user, SessionAuthentication.federated("google", kit.clock.instant()),
                ClientInfo.UNKNOWN)).expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.sessions.count()).isZero();
    }

    @Test
    void givenDisabledAccount_open_isRefused() {
        User disabled = new User(user.id(), user.email(), user.passwordHash(), user.name(), UserStatus.DISABLED,
                user.roles(), user.emailVerified(), user.authEpoch(), user.createdAt(), user.updatedAt());

        StepVerifier.create(opener.open(disabled, SessionAuthentication.password(kit.clock.instant()), ClientInfo.UNKNOWN))
                .expectError(UserDisabledException.class).verify();
    }
}
