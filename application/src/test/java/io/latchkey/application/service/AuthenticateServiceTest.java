package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AuthenticateServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final AuthenticateService service = kit.authenticate();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());
    private final TokenPair pair;
    private final AccessTokenClaims claims;

    AuthenticateServiceTest() {
        kit.users.insert(user).block();
        pair = kit.login().login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, ClientInfo.UNKNOWN)).block().tokens();
        claims = kit.tokens.verify(pair.accessToken().encoded());
    }

    private Mono<AuthenticatedCaller> authenticate() {
        return service.authenticate(new AuthenticateCommand(pair.accessToken().encoded()));
    }

    @Test
    void givenLiveSession_authenticate_answersFromTheCacheTheLoginFilled() {
        AuthenticatedCaller caller = authenticate().block();
        assertThat(caller.userId()).isEqualTo(user.id());
        assertThat(caller.sessionId()).isEqualTo(claims.sessionId());
        assertThat(kit.cache.nearHits()).isEqualTo(1);
    }

    @Test
    void givenRepeatedRequests_authenticate_answersFromTheNearCacheAfterTheFirst() {
        kit.cache.evictLocalSession(user.id(), claims.sessionId()).block();
        authenticate().block();
        authenticate().block();
        authenticate().block();
        assertThat(kit.cache.sharedSessionHits()).isEqualTo(1);
        assertThat(kit.cache.nearHits()).isEqualTo(2);
    }

    @Test
    void givenNearCopyPurgedByAnEvent_authenticate_asksTheSharedTierAgainAndSeesTheRevocation() {
        authenticate().block();
        kit.sessions.revoke(claims.sessionId());
        assertThat(authenticate().block()).as("still served from the near copy until its purge").isNotNull();
        kit.cache.evictLocalSession(user.id(), claims.sessionId()).block();
        assertThat(authenticate().block()).as("the shared tier was not purged").isNotNull();
        kit.cache.evictLocalSession(user.id(), claims.sessionId()).block();
        kit.cache.anotherInstance().evictSession(user.id(), claims.sessionId()).block();
        StepVerifier.create(authenticate()).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenAnotherInstancePurgesTheSession_itsAnnouncementReachesThisInstancesNearCopy() {
        authenticate().block();
        kit.sessions.revoke(claims.sessionId());
        kit.cache.anotherInstance().evictSession(user.id(), claims.sessionId()).block();
        StepVerifier.create(authenticate()).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheMiss_authenticate_refillsFromRecord() {
        kit.cache.evictUser(user.id()).block();
        assertThat(authenticate().block()).isNotNull();
        assertThat(kit.cache.sharedSession(claims.sessionId())).isNotNull();
    }

    @Test
    void givenRevokedSessionAndEmptyCache_authenticate_isRejected() {
        kit.sessions.revoke(claims.sessionId());
        kit.cache.evictSession(user.id(), claims.sessionId()).block();
        StepVerifier.create(authenticate()).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenExpiredToken_authenticate_isRejectedBeforeAnyLookup() {
        kit.clock.advance(Duration.ofMinutes(16));
        StepVerifier.create(authenticate()).expectError(InvalidAccessTokenException.class).verify();
        assertThat(kit.cache.sharedSessionHits() + kit.cache.nearHits()).isZero();
    }

    @Test
    void givenCacheDown_authenticate_fallsBackToRecordAndStillRejectsRevoked() {
        kit.cache.evictLocalUser(user.id()).block();
        kit.cache.simulateOutage(true);
        assertThat(authenticate().block()).isNotNull();
        kit.sessions.revoke(claims.sessionId());
        assertThat(authenticate().block()).as("a revocation this instance has not heard of: its fallback copy answers")
                .isNotNull();
        // The revocation's event, consumed by this instance's own group while the shared tier is down.
        kit.cache.evictLocalSession(user.id(), claims.sessionId()).block();
        StepVerifier.create(authenticate()).expectError(SessionRevokedException.class).verify();
    }

    @Test
    void givenCacheAndRecordDown_authenticate_isUnavailableNeverAccepted() {
        kit.cache.evictLocalUser(user.id()).block();
        kit.cache.simulateOutage(true);
        kit.sessions.failWith(true);
        StepVerifier.create(authenticate())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DependencyUnavailableException.class))
                .verify();
    }

    @Test
    void givenFallbackSaturated_authenticate_isUnavailable() {
        kit.cache.evictLocalUser(user.id()).block();
        kit.cache.simulateOutage(true);
        Mono<AuthenticatedCaller> never = Mono.never();
        // Occupy both permits of the gate with fallbacks that never finish.
        kit.gate.through(() -> never, new IllegalStateException()).subscribe();
        kit.gate.through(() -> never, new IllegalStateException()).subscribe();
        StepVerifier.create(authenticate())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(AuthCacheUnavailableException.class))
                .verify();
    }
}
