package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.ChangePasswordCommand;
import io.latchkey.application.usecase.ConfirmPasswordResetCommand;
import io.latchkey.application.usecase.DeleteUserCommand;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LogoutAllSessionsCommand;
import io.latchkey.application.usecase.LogoutCommand;
import io.latchkey.application.usecase.RequestPasswordResetCommand;
import io.latchkey.application.usecase.RevokeSessionCommand;
import io.latchkey.application.usecase.SessionSummary;
import io.latchkey.application.usecase.SetUserStatusCommand;
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
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.testfixtures.InMemoryEventLedger;
import io.latchkey.domain.testfixtures.InMemoryAuthCache;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
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
    void givenLogoutAll_eventCarriesTheRaisedAccountEpoch_andLogoutOfOneSessionCarriesNone() {
        TokenPair pair = login("laptop");
        long before = kit.users.findById(user.id()).block().authEpoch();
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(SessionRevoked.class,
                e -> assertThat(e.accountEpoch()).isNull());

        login("phone");
        new LogoutAllSessionsService(kit.revoker()).logoutAll(new LogoutAllSessionsCommand(user.id())).block();

        long after = kit.users.findById(user.id()).block().authEpoch();
        assertThat(after).isEqualTo(before + 1);
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(SessionRevoked.class,
                e -> assertThat(e.accountEpoch()).isEqualTo(after));
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

    /**
     * The instance that logs a session out drops it from its own copy three times, all during the logout: before and
     * after the shared purge, and by its own announcement (the format every version reads carries no origin). The
     * event, delivered afterwards to the cluster's consumer group (here on this instance) and to this instance's own
     * group, finds its purge already recorded and purges nothing more. Another instance hears the announcement.
     */
    @Test
    void givenOneLogout_theOriginatingInstanceIsPurgedByItsLogoutOnly_andAnotherInstanceByTheAnnouncement() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        InMemoryAuthCache cacheOfB = kit.cache.anotherInstance();
        assertThat(kit.authenticate().authenticate(request).block()).isNotNull();
        int purgesOfA = kit.cache.localPurges();
        int purgesOfB = cacheOfB.localPurges();

        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        SessionRevoked event = (SessionRevoked) kit.events.events().getLast();
        EvictUserAuthStateCommand delivered = new EvictUserAuthStateCommand(event.eventId(), user.id(),
                event.sessionIds(), false, event.sessionIds(), event.accessTokensValidUntil());
        assertThat(new EvictSharedAuthStateService(kit.cache, kit.ledgers.shared()).evictShared(delivered).block())
                .as("the cluster's consumer group finds the purge done").isFalse();
        assertThat(new EvictLocalAuthStateService(kit.cache, kit.ledgers.local()).evictLocal(delivered).block())
                .as("this instance's own consumer group finds the purge done").isFalse();

        assertThat(kit.cache.localPurges() - purgesOfA)
                .as("purges of the originating instance: near, announcement, near again; none by the consumer groups")
                .isEqualTo(3);
        assertThat(cacheOfB.localPurges() - purgesOfB).as("purges of another instance, by the announcement")
                .isEqualTo(1);
        StepVerifier.create(kit.authenticate().authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheDownAtLogout_theClusterConsumerGroupStillPurgesTheSharedTierLater() {
        TokenPair pair = login("laptop");
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        kit.cache.simulateOutage(false);
        SessionRevoked event = (SessionRevoked) kit.events.events().getLast();
        EvictUserAuthStateCommand delivered = new EvictUserAuthStateCommand(event.eventId(), user.id(),
                event.sessionIds(), false, event.sessionIds(), event.accessTokensValidUntil());

        assertThat(new EvictSharedAuthStateService(kit.cache, kit.ledgers.shared()).evictShared(delivered).block())
                .as("the purge the outage prevented").isTrue();
        assertThat(kit.cache.sharedSession(sessionOf(pair))).isNull();
    }

    @Test
    void givenCacheUnreachableAtLogout_andBackWithItsStaleEntry_theSessionStaysRevokedHere() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        assertThat(kit.authenticate().authenticate(request).block()).isNotNull();
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        kit.cache.simulateOutage(false);

        assertThat(kit.cache.sharedSession(sessionOf(pair))).as("the purge never reached the cache")
                .isNotNull();
        StepVerifier.create(kit.authenticate().authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheUnreachableAtLogout_anotherInstanceThatGotTheEvent_refusesTheStaleEntryToo() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        InMemoryAuthCache cacheOfB = kit.cache.anotherInstance();
        AuthenticateService instanceB = new AuthenticateService(kit.tokens, cacheOfB, kit.sessions, kit.gate,
                kit.clock);
        assertThat(instanceB.authenticate(request).block()).isNotNull();
        kit.cache.simulateOutage(true);
        new LogoutService(kit.revoker()).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();
        SessionRevoked event = (SessionRevoked) kit.events.events().getLast();
        new EvictLocalAuthStateService(cacheOfB, new InMemoryEventLedger()).evictLocal(new EvictUserAuthStateCommand(
                event.eventId(), user.id(), event.sessionIds(), false, event.sessionIds(), event.accessTokensValidUntil()))
                .block();
        kit.cache.simulateOutage(false);

        assertThat(kit.cache.sharedSession(sessionOf(pair))).isNotNull();
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
            assertThat(kit.cache.sharedSession(sessionOf(pair))).isNotNull();
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

    /**
     * The revocation runs while the shared cache is unreachable (its purge is lost), then the cache comes back with
     * the entry it held: this instance must refuse the session from its own memory, without waiting for the event.
     */
    private void assertRefusedDespiteStaleCacheAfter(TokenPair pair, Runnable revocation) {
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        assertThat(kit.authenticate().authenticate(request).block()).isNotNull();
        kit.cache.simulateOutage(true);
        revocation.run();
        kit.cache.simulateOutage(false);

        assertThat(kit.cache.sharedSession(sessionOf(pair))).as("the purge never reached the cache")
                .isNotNull();
        assertThat(kit.cache.isRevoked(sessionOf(pair))).as("remembered by the instance that revoked it").isTrue();
        StepVerifier.create(kit.authenticate().authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheUnreachableAtPasswordReset_andBackWithItsStaleEntry_theSessionStaysRevokedHere() {
        TokenPair pair = login("laptop");
        kit.requestReset().request(new RequestPasswordResetCommand(user.email().value(), null)).block();
        Matcher token = Pattern.compile("(reset-token-\\d+)").matcher(kit.deliverMail().stream()
                .filter(m -> m.subject().startsWith("Reset")).findFirst().orElseThrow().body());
        assertThat(token.find()).isTrue();

        assertRefusedDespiteStaleCacheAfter(pair, () -> kit.confirmReset()
                .confirm(new ConfirmPasswordResetCommand(token.group(1), "a brand new secret", null)).block());
    }

    @Test
    void givenCacheUnreachableAtPasswordChange_andBackWithItsStaleEntry_theOtherSessionStaysRevokedHere() {
        TokenPair laptop = login("laptop");
        TokenPair phone = login("phone");

        assertRefusedDespiteStaleCacheAfter(phone, () -> kit.changePassword().change(new ChangePasswordCommand(
                user.id(), sessionOf(laptop), UserFixtures.PASSWORD, "a brand new secret", true)).block());
        assertThat(kit.cache.isRevoked(sessionOf(laptop))).as("the caller's own session is kept").isFalse();
    }

    @Test
    void givenCacheUnreachableWhenAnAdminDisablesTheAccount_andBackWithItsStaleEntry_theSessionStaysRevokedHere() {
        TokenPair pair = login("laptop");
        User admin = UserFixtures.anActiveUser(kit.clock.instant());
        kit.users.insert(admin).block();
        SetUserStatusService status = new SetUserStatusService(kit.users, kit.resetTokens, kit.accountMail(),
                kit.revoker(), kit.events, kit.transactions, kit.ids, kit.clock);

        assertRefusedDespiteStaleCacheAfter(pair, () -> status.set(new SetUserStatusCommand(admin.id(), user.id(),
                UserStatus.DISABLED)).block());
    }

    @Test
    void givenCacheUnreachableWhenAnAdminDeletesTheAccount_andBackWithItsStaleEntry_theSessionStaysRevokedHere() {
        TokenPair pair = login("laptop");
        User admin = UserFixtures.anActiveUser(kit.clock.instant());
        kit.users.insert(admin).block();
        DeleteUserService delete = new DeleteUserService(kit.users, new AccountEraser(kit.users, kit.revoker(),
                kit.accountMail(), kit.events, kit.transactions, kit.ids, kit.clock));

        assertRefusedDespiteStaleCacheAfter(pair, () -> delete.delete(new DeleteUserCommand(admin.id(), user.id())).block());
    }

    @Test
    void givenTheMemoryDroppedARevocationForRoom_aStaleCacheEntryIsCheckedInPostgreSqlInstead() {
        TokenPair pair = login("laptop");
        AuthenticateCommand request = new AuthenticateCommand(pair.accessToken().encoded());
        assertThat(kit.authenticate().authenticate(request).block()).isNotNull();
        // Revoked elsewhere; this instance's memory is where it would have been remembered, and it had to drop it.
        kit.sessions.revoke(sessionOf(pair), RevocationReason.LOGOUT, kit.clock.instant()).block();
        kit.cache.evictLocalSession(user.id(), sessionOf(pair)).block();
        kit.cache.forgetSomeRevocation(true);

        assertThat(kit.cache.sharedSession(sessionOf(pair))).as("the purge never reached the cache")
                .isNotNull();
        StepVerifier.create(kit.authenticate().authenticate(request)).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenASlowTransaction_theSessionIsRememberedFromTheCommit_notFromBeforeIt() {
        TokenPair pair = login("laptop");
        Duration slow = Duration.ofSeconds(20);
        SessionRevoker slowCommit = new SessionRevoker(kit.sessions, kit.users, kit.cache, kit.ledgers, kit.events,
                new TransactionRunner() {
                    @Override
                    public <T> Mono<T> inTransaction(Mono<T> work) {
                        return work.doOnTerminate(() -> kit.clock.advance(slow));
                    }
                }, kit.ids, kit.policy, kit.clock);
        Instant before = kit.clock.instant();

        new LogoutService(slowCommit).logout(new LogoutCommand(user.id(), sessionOf(pair))).block();

        assertThat(kit.cache.rememberedUntil(sessionOf(pair)))
                .isEqualTo(before.plus(slow).plus(kit.policy.accessTokenTtl()));
    }
}
