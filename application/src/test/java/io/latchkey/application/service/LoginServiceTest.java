package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.RawPassword;
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
        TokenPair pair = service.login(command(user.email().value().toUpperCase(), UserFixtures.PASSWORD)).block().tokens();

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
    void givenAPasswordTooLongToHash_login_failsLikeAWrongPasswordWithoutHashingItAndCountsTheFailure() {
        StepVerifier.create(service.login(command(user.email().value(), "x".repeat(200_000))))
                .expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.hasher.verifications()).isEqualTo(1);
        assertThat(kit.hasher.longestChecked()).isZero();
        assertThat(kit.loginFailures.failures(user.email())).isEqualTo(1);
    }

    @Test
    void givenThePasswordInDecomposedForm_login_acceptsItAsTheSamePassword() {
        User accented = UserFixtures.anActiveUser(kit.clock.instant());
        User withAccentedPassword = new User(accented.id(), Email.parse("accent@example.com", "email"),
                kit.hasher.hash(new RawPassword("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e")).block(), accented.name(),
                accented.status(), accented.roles(), true, 0, accented.createdAt(), accented.updatedAt());
        kit.users.insert(withAccentedPassword).block();
        StepVerifier.create(service.login(command("accent@example.com", "cafe\u0301 cre\u0300me bru\u0302le\u0301e")))
                .expectNextCount(1).verifyComplete();
    }

    @Test
    void givenMoreSuccessfulLoginsThanThePerAddressLimit_login_neverAnswers429ForThem() {
        for (int i = 0; i <= kit.limits.loginPerAccount().limit(); i++) {
            StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                    .expectNextCount(1).verifyComplete();
        }
    }

    @Test
    void givenAStrangerLockingTheAddress_login_stillAdmitsTheOwnersKnownDeviceButNotANewClient() {
        String device = service.login(command(user.email().value(), UserFixtures.PASSWORD)).block().deviceToken();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            StepVerifier.create(service.login(command(user.email().value(), "stranger guess " + i)))
                    .expectError(InvalidCredentialsException.class).verify();
        }
        StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                .expectError(RateLimitedException.class).verify();

        LoginResult known = service.login(fromDevice(user.email().value().toUpperCase(), UserFixtures.PASSWORD, device))
                .block();
        assertThat(known.deviceToken()).isEqualTo(device);
    }

    @Test
    void givenWrongPasswordsFromAKnownDevice_login_locksThatDeviceOnly() {
        String device = service.login(command(user.email().value(), UserFixtures.PASSWORD)).block().deviceToken();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            StepVerifier.create(service.login(fromDevice(user.email().value(), "typo " + i, device)))
                    .expectError(InvalidCredentialsException.class).verify();
        }
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, device)))
                .expectError(RateLimitedException.class).verify();
        assertThat(kit.loginFailures.failures(user.email())).isZero();
        StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                .expectNextCount(1).verifyComplete();
    }

    @Test
    void givenADeviceTokenOfAnotherAddressOrAForgedOne_login_treatsTheClientAsNew() {
        User other = UserFixtures.anActiveUser(kit.clock.instant());
        kit.users.insert(other).block();
        String othersDevice = service.login(command(other.email().value(), UserFixtures.PASSWORD)).block().deviceToken();
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            service.login(command(user.email().value(), "stranger guess " + i)).onErrorComplete().block();
        }
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, othersDevice)))
                .expectError(RateLimitedException.class).verify();
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, "forged")))
                .expectError(RateLimitedException.class).verify();
    }

    @Test
    void givenADeviceTokenOlderThanTheMaxAge_login_treatsTheClientAsNew() {
        String device = service.login(command(user.email().value(), UserFixtures.PASSWORD)).block().deviceToken();
        kit.clock.advance(kit.accountPolicy.deviceTokenMaxAge().plusSeconds(1));
        lockTheAddressAsAStranger();
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, device)))
                .expectError(RateLimitedException.class).verify();
    }

    @Test
    void givenTheAccountsEpochRaised_login_forgetsEveryDeviceIssuedBefore_andANewLoginIssuesAValidOne() {
        String device = service.login(command(user.email().value(), UserFixtures.PASSWORD)).block().deviceToken();
        kit.users.raiseAuthEpoch(user.id()).block();
        String renewed = service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, device)).block()
                .deviceToken();
        assertThat(renewed).isNotEqualTo(device);
        lockTheAddressAsAStranger();
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, device)))
                .expectError(RateLimitedException.class).verify();
        StepVerifier.create(service.login(fromDevice(user.email().value(), UserFixtures.PASSWORD, renewed)))
                .expectNextCount(1).verifyComplete();
    }

    @Test
    void givenAHashMadeFromADecomposedPasswordBeforeNormalisation_login_acceptsItOnceAndStoresTheNfcHash() {
        String decomposed = "cafe\u0301 cre\u0300me";
        User legacy = User.register(new io.latchkey.domain.model.user.UserId(java.util.UUID.randomUUID()),
                io.latchkey.domain.model.user.Email.parse("legacy-nfd@example.com", "email"),
                new io.latchkey.domain.model.user.PasswordHash("fake:" + decomposed),
                new io.latchkey.domain.model.user.PersonName("Ada", "Lovelace"), kit.clock.instant());
        kit.users.insert(legacy).block();

        StepVerifier.create(service.login(command("legacy-nfd@example.com", decomposed))).expectNextCount(1)
                .verifyComplete();
        assertThat(kit.users.findById(legacy.id()).block().passwordHash().encoded())
                .isEqualTo("fake:caf\u00e9 cr\u00e8me");
        StepVerifier.create(service.login(command("legacy-nfd@example.com", "caf\u00e9 cr\u00e8me"))).expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(service.login(command("legacy-nfd@example.com", "cafe\u0301 cre\u0300me!")))
                .expectError(InvalidCredentialsException.class).verify();
    }

    @Test
    void givenADecomposedPasswordForAnUnknownAddress_login_doesTheSameTwoChecks() {
        int before = kit.hasher.verifications();
        StepVerifier.create(service.login(command(user.email().value(), "cafe\u0301 wrong")))
                .expectError(InvalidCredentialsException.class).verify();
        int known = kit.hasher.verifications() - before;
        StepVerifier.create(service.login(command("nobody-nfd@example.com", "cafe\u0301 wrong")))
                .expectError(InvalidCredentialsException.class).verify();
        assertThat(kit.hasher.verifications() - before - known).isEqualTo(known).isEqualTo(2);
    }

    private void lockTheAddressAsAStranger() {
        for (int i = 0; i < kit.lockout.threshold(); i++) {
            service.login(command(user.email().value(), "stranger guess " + i)).onErrorComplete().block();
        }
        StepVerifier.create(service.login(command(user.email().value(), UserFixtures.PASSWORD)))
                .expectError(RateLimitedException.class).verify();
    }

    private LoginCommand fromDevice(String email, String password, String deviceToken) {
        return new LoginCommand(email, password, new ClientInfo("browser", "192.0.2.44"), deviceToken);
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
