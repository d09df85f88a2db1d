package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.InMemoryAuthCache;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** An instance that never saw a revocation's event learns it from the record. */
class RecentRevocationsTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final ServiceTestKit kit = new ServiceTestKit();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());
    private final InMemoryAuthCache nearOfNewInstance = kit.cache.anotherInstance();
    private final AuthenticateService newInstance = new AuthenticateService(kit.tokens, nearOfNewInstance,
            kit.sessions, kit.gate, kit.clock);

    RecentRevocationsTest() {
        kit.users.insert(user).block();
    }

    private TokenPair login() {
        return kit.login().login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, ClientInfo.UNKNOWN)).block().tokens();
    }

    private SessionId sessionOf(TokenPair pair) {
        return kit.tokens.verify(pair.accessToken().encoded()).sessionId();
    }

    @Test
    void givenARevocationBeforeTheInstanceStarted_andAStaleCacheEntry_theLoadedMemoryRefusesIt() {
        TokenPair pair = login();
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        assertThat(kit.authenticate().authenticate(request).block()).as("cached in the shared cache").isNotNull();
        kit.sessions.revoke(sessionOf(pair));
        assertThat(kit.cache.sharedSession(sessionOf(pair))).as("whose purge was lost").isNotNull();

        long loaded = new RememberRecentRevocationsService(kit.sessions, nearOfNewInstance, kit.policy, SKEW, kit.clock)
                .rememberRecentRevocations().block();

        assertThat(loaded).isEqualTo(1);
        assertThat(nearOfNewInstance.rememberedUntil(sessionOf(pair)))
                .isEqualTo(kit.clock.instant().plus(kit.policy.accessTokenTtl()));
        StepVerifier.create(newInstance.authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenARevocationOlderThanEveryTokenItsSessionIssued_itIsNotLoaded() {
        SessionId session = sessionOf(login());
        kit.sessions.revoke(session);
        kit.clock.advance(kit.policy.accessTokenTtl().plus(SKEW.multipliedBy(2)).plusSeconds(1));

        long loaded = new RememberRecentRevocationsService(kit.sessions, nearOfNewInstance, kit.policy, SKEW, kit.clock)
                .rememberRecentRevocations().block();

        assertThat(loaded).isZero();
        assertThat(nearOfNewInstance.isRevoked(session)).isFalse();
    }
}
