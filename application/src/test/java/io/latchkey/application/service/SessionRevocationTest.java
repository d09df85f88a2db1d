package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LogoutAllSessionsCommand;
import io.latchkey.application.usecase.LogoutCommand;
import io.latchkey.application.usecase.RevokeSessionCommand;
import io.latchkey.application.usecase.SessionSummary;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.SessionNotFoundException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.InMemoryEventLedger;
import io.latchkey.domain.testfixtures.InMemoryNearAuthCache;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SessionRevocationTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());

    SessionRevocationTest() {
        kit.users.insert(user).block();
    }

    private TokenPair login(String agent) {
        return kit.login().login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, new ClientInfo(agent, null)))
                .block().tokens();
    }

    private SessionId sessionOf(TokenPair pair) {
        return kit.tokens.verify(pair.accessToken().encoded()).sessionId();
    }

    @Test
    void givenLogout_accessTokenIsRejectedAtOnceAndEventCarriesTheReason() {
        TokenPair pair = login("laptop");
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();

        StepVerifier.create(kit.authenticate().authenticate(new AuthenticateCommand(pair.accessToken().encoded())))
                .expectError(SessionRevokedException.class).verify();
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(SessionRevoked.class, e -> {
            assertThat(e.reason()).isEqualTo(RevocationReason.LOGOUT);
            assertThat(e.accessTokensValidUntil()).isEqualTo(kit.clock.instant().plus(kit.policy.accessTokenTtl()));
        });
    }

    @Test
    void givenLogoutTwice_secondIsAHarmlessNoOp() {
        TokenPair pair = login("laptop");
        LogoutService logout = new LogoutService(kit.revoker());
        logout.logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        int events = kit.events.events().size();
        logout.logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        assertThat(kit.events.events()).hasSize(events);
    }

    @Test
    void givenDatabaseDown_logout_failsAndRevokesNothing() {
        TokenPair pair = login("laptop");
        kit.sessions.failWith(true);
        StepVerifier.create(new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))))
                .expectError(DependencyUnavailableException.class).verify();
        kit.sessions.failWith(false);
        assertThat(kit.sessions.findById(sessionOf(pair)).block().status()).isEqualTo(SessionStatus.ACTIVE);
    }

    @Test
    void givenCacheDown_logout_stillCommitsTheRevocation() {
        TokenPair pair = login("laptop");
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        assertThat(kit.sessions.findById(sessionOf(pair)).block().status()).isEqualTo(SessionStatus.REVOKED);
    }

    @Test
    void givenCacheUnreachableAtLogout_andBackWithItsStaleEntry_theSessionStaysRevokedHere() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        assertThat(kit.authenticate().authenticate(request).block()).isNotNull();
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        kit.cache.simulateOutage(false);

        assertThat(kit.cache.findSession(user.id(), sessionOf(pair)).block()).as("the purge never reached the cache")
                .isNotNull();
        StepVerifier.create(kit.authenticate().authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheUnreachableAtLogout_anotherInstanceThatGotTheEvent_refusesTheStaleEntryToo() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        InMemoryNearAuthCache nearOfB = new InMemoryNearAuthCache();
        AuthenticateService instanceB = new AuthenticateService(kit.tokens, nearOfB, kit.cache, kit.sessions, kit.gate,
                kit.clock);
        assertThat(instanceB.authenticate(request).block()).isNotNull();
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        SessionRevoked event = (SessionRevoked) kit.events.events().getLast();
        new EvictLocalAuthStateService(nearOfB, new InMemoryEventLedger()).evictLocal(new EvictUserAuthStateCommand(
                event.eventId(), user.id(), event.sessionIds(), false, event.sessionIds(), event.accessTokensValidUntil()))
                .block();
        kit.cache.simulateOutage(false);

        assertThat(kit.cache.findSession(user.id(), sessionOf(pair)).block()).isNotNull();
        StepVerifier.create(instanceB.authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheUnreachableAtLogoutAll_andBackWithItsStaleEntries_everySessionStaysRevoked() {
        TokenPair laptop = login("laptop");
        TokenPair phone = login("phone");
        kit.cache.simulateOutage(true);
        new LogoutAllSessionsService(kit.revoker()).logoutAll(new LogoutAllSessionsCommand(user.id())).block();
        kit.cache.simulateOutage(false);

        for (TokenPair pair : List.of(laptop, phone)) {
            assertThat(kit.cache.findSession(user.id(), sessionOf(pair)).block()).isNotNull();
            StepVerifier.create(kit.authenticate().authenticate(new AuthenticateCommand(pair.accessToken().encoded())))
                    .expectError(SessionRevokedException.class).verify();
        }
    }

    @Test
    void givenLogoutAll_everySessionEndsAndTheEpochRises() {
        TokenPair laptop = login("laptop");
        TokenPair phone = login("phone");
        new LogoutAllSessionsService(kit.revoker()).logoutAll(new LogoutAllSessionsCommand(user.id())).block();

        for (TokenPair pair : List.of(laptop, phone)) {
            StepVerifier.create(kit.authenticate().authenticate(new AuthenticateCommand(pair.accessToken().encoded())))
                    .expectError(SessionRevokedException.class).verify();
        }
        assertThat(kit.users.findById(user.id()).block().authEpoch()).isEqualTo(1);
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(SessionRevoked.class,
                e -> assertThat(e.sessionIds()).containsExactlyInAnyOrder(sessionOf(laptop), sessionOf(phone)));
    }

    @Test
    void givenTwoDevices_listSessions_flagsTheCurrentOne_andRevokeSessionEndsTheOther() {
        TokenPair laptop = login("laptop");
        TokenPair phone = login("phone");
        List<SessionSummary> sessions = new ListSessionsService(kit.sessions, kit.clock)
                .listSessions(new ListSessionsCommand(user.id(), sessionOf(laptop))).block();
        assertThat(sessions).hasSize(2);
        assertThat(sessions).filteredOn(SessionSummary::current).singleElement()
                .satisfies(s -> assertThat(s.client().userAgent()).isEqualTo("laptop"));

        new RevokeSessionService(kit.sessions, kit.revoker()).revokeSession(new RevokeSessionCommand(user.id(), sessionOf(phone)))
                .block();
        assertThat(kit.sessions.findById(sessionOf(phone)).block().status()).isEqualTo(SessionStatus.REVOKED);
        assertThat(kit.sessions.findById(sessionOf(laptop)).block().status()).isEqualTo(SessionStatus.ACTIVE);
    }

    @Test
    void givenSomeoneElsesSession_revokeSession_isNotFoundAndChangesNothing() {
        TokenPair pair = login("laptop");
        User other = UserFixtures.anActiveUser(kit.clock.instant());
        kit.users.insert(other).block();
        StepVerifier.create(new RevokeSessionService(kit.sessions, kit.revoker())
                        .revokeSession(new RevokeSessionCommand(other.id(), sessionOf(pair))))
                .expectError(SessionNotFoundException.class).verify();
        assertThat(kit.sessions.findById(sessionOf(pair)).block().status()).isEqualTo(SessionStatus.ACTIVE);
    }
}
