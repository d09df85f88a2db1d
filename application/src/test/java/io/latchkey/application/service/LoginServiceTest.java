package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.testfixtures.UserFixtures;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LoginServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final LoginService service = kit.login();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());

    LoginServiceTest() {
        kit.users.insert(user).block();
    }

    private LoginCommand command(String email, String password) {
        return new LoginCommand(email, password, new ClientInfo("curl/8", "127.0.0.1"));
    }

    @Test
    void givenRightPassword_login_opensSessionPublishesAndWritesThroughToCache() {
        TokenPair pair = service.login(command(user.email().value().toUpperCase(), UserFixtures.PASSWORD)).block();

        AccessTokenClaims claims = kit.tokens.verify(pair.accessToken().encoded());
        assertThat(claims.subject()).isEqualTo(user.id());
        assertThat(claims.expiresAt()).isEqualTo(kit.clock.instant().plus(kit.policy.accessTokenTtl()));
        assertThat(kit.sessions.findByRefreshToken(pair.refreshToken().hash()).block().session().id())
                .isEqualTo(claims.sessionId());
        assertThat(kit.events.events()).singleElement().isInstanceOf(SessionStarted.class);
        assertThat(kit.cache.findSession(user.id(), claims.sessionId()).block()).isNotNull();
    }

    @Test
    void givenWrongPasswordOrUnknownEmail_login_failsAlikeAfterTheSameHashingWork() {
        StepVerifier.create(service.login(command(user.email().value(), "wrong password")))
                .expectError(InvalidCredentialsException.class).verify();
        StepVerifier.create(service.login(command("nobody@example.com", "wrong password")))
                .expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.hasher.verifications()).isEqualTo(2);
        assertThat(kit.sessions.count()).isZero();
        assertThat(kit.events.events()).isEmpty();
    }

    @Test
    void givenMalformedEmail_login_isInvalidInput() {
        StepVerifier.create(service.login(command("nope", "whatever"))).expectError(InvalidInputException.class).verify();
    }

    @Test
    void givenDisabledAccountAndRightPassword_login_isForbiddenAndOpensNothing() {
        kit.users.replace(new User(user.id(), user.email(), user.passwordHash(), user.name(), UserStatus.DISABLED,
                user.roles(), false, 0, user.createdAt(), user.updatedAt()));
        StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                .expectError(UserDisabledException.class).verify();
        assertThat(kit.sessions.count()).isZero();
    }

    @Test
    void givenCacheDown_login_stillSucceeds() {
        kit.cache.simulateOutage(true);
        StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                .expectNextCount(1).verifyComplete();
        assertThat(kit.sessions.count()).isEqualTo(1);
    }
}
