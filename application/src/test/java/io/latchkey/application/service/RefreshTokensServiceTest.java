package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.RefreshTokensCommand;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.error.RefreshTokenInvalidException;
import io.latchkey.domain.error.RefreshTokenReuseException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RefreshTokensServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final RefreshTokensService service = kit.refresh();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());
    private final TokenPair first;
    private final SessionId sessionId;

    RefreshTokensServiceTest() {
        kit.users.insert(user).block();
        first = kit.login().login(new LoginCommand(user.email().value(), UserFixtures.PASSWORD, ClientInfo.UNKNOWN)).block().tokens();
        sessionId = kit.tokens.verify(first.accessToken().encoded()).sessionId();
    }

    private Mono<TokenPair> refresh(TokenPair pair) {
        return service.refresh(new RefreshTokensCommand(pair.refreshToken().value(), "203.0.113.7"));
    }

    @Test
    void givenCurrentToken_refresh_rotatesAndPublishes() {
        kit.clock.advance(Duration.ofMinutes(1));
        TokenPair second = refresh(first).block();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(kit.tokens.verify(second.accessToken().encoded()).sessionId()).isEqualTo(sessionId);
        assertThat(kit.sessions.findById(sessionId).block().generation()).isEqualTo(1);
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(TokenRotated.class,
                e -> assertThat(e.generation()).isEqualTo(1));
    }

    @Test
    void givenPreviousTokenInsideGrace_refresh_returnsTheSameSuccessorWithoutForking() {
        TokenPair second = refresh(first).block();
        kit.clock.advance(Duration.ofSeconds(5));
        TokenPair retried = refresh(first).block();
        assertThat(retried.refreshToken()).isEqualTo(second.refreshToken());
        assertThat(kit.sessions.findById(sessionId).block().generation()).isEqualTo(1);
        assertThat(kit.sessions.tokenCount(sessionId)).isEqualTo(2);
    }

    @Test
    void givenPreviousTokenAfterGrace_refresh_revokesTheFamilyAndBothTokensFail() {
        TokenPair second = refresh(first).block();
        kit.clock.advance(Duration.ofSeconds(11));
        StepVerifier.create(refresh(first)).expectError(RefreshTokenReuseException.class).verify();

        assertThat(kit.sessions.findById(sessionId).block().status()).isEqualTo(SessionStatus.REVOKED);
        assertThat(kit.events.events()).last().isInstanceOfSatisfying(SessionRevoked.class,
                e -> assertThat(e.reason()).isEqualTo(RevocationReason.REFRESH_REUSE));
        StepVerifier.create(refresh(second)).expectError(RefreshTokenInvalidException.class).verify();
        StepVerifier.create(refresh(first)).expectError(RefreshTokenInvalidException.class).verify();
    }

    @Test
    void givenTokenTwoGenerationsOld_refresh_isReuseEvenInsideGrace() {
        TokenPair second = refresh(first).block();
        refresh(second).block();
        StepVerifier.create(refresh(first)).expectError(RefreshTokenReuseException.class).verify();
    }

    @Test
    void givenRotationsUntilTheAbsoluteEnd_refresh_cannotExtendTheSession() {
        TokenPair pair = first;
        for (int day = 0; day < 29; day++) {
            kit.clock.advance(Duration.ofHours(23));
            pair = refresh(pair).block();
        }
        kit.clock.advance(Duration.ofDays(2));
        StepVerifier.create(refresh(pair)).expectError(RefreshTokenInvalidException.class).verify();
    }

    @Test
    void givenIdleTimeout_refresh_fails() {
        kit.clock.advance(Duration.ofDays(1).plusSeconds(1));
        StepVerifier.create(refresh(first)).expectError(RefreshTokenInvalidException.class).verify();
    }

    @Test
    void givenUnknownTokensFillingAnAddressesBudget_refresh_answers429ForThemButServesAGoodTokenFromTheSameAddress() {
        int limit = kit.limits.refreshFailuresPerIp().limit();
        for (int i = 0; i < limit; i++) {
            StepVerifier.create(service.refresh(new RefreshTokensCommand("guess-" + i, "198.51.100.9")))
                    .expectError(RefreshTokenInvalidException.class).verify();
        }
        StepVerifier.create(service.refresh(new RefreshTokensCommand("guess-more", "198.51.100.9")))
                .expectError(RateLimitedException.class).verify();
        StepVerifier.create(service.refresh(new RefreshTokensCommand(" ", "198.51.100.9")))
                .expectError(RateLimitedException.class).verify();

        TokenPair second = service.refresh(new RefreshTokensCommand(first.refreshToken().value(), "198.51.100.9"))
                .block();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(kit.sessions.findById(sessionId).block().generation()).isEqualTo(1);
    }

    @Test
    void givenReusedAndGraceTokens_refresh_neverCountsThemAgainstTheAddress() {
        int limit = kit.limits.refreshFailuresPerIp().limit();
        TokenPair second = refresh(first).block();
        kit.clock.advance(Duration.ofSeconds(5));
        refresh(first).block();
        kit.clock.advance(Duration.ofSeconds(6));
        StepVerifier.create(refresh(first)).expectError(RefreshTokenReuseException.class).verify();
        for (int i = 0; i < limit; i++) {
            StepVerifier.create(refresh(second)).expectError(RefreshTokenInvalidException.class).verify();
        }
        // The address's whole budget of unknown tokens is still there.
        for (int i = 0; i < limit; i++) {
            StepVerifier.create(refresh(new TokenPair(first.accessToken(),
                            new io.latchkey.domain.model.token.RefreshToken("guess-" + i))))
                    .expectError(RefreshTokenInvalidException.class).verify();
        }
        StepVerifier.create(service.refresh(new RefreshTokensCommand("guess-more", "203.0.113.7")))
                .expectError(RateLimitedException.class).verify();
    }

    @Test
    void givenSuccessfulRefreshes_refresh_neverCountsThemAsFailures() {
        TokenPair current = first;
        for (int i = 0; i <= kit.limits.refreshFailuresPerIp().limit(); i++) {
            current = refresh(current).block();
        }
        assertThat(current).isNotNull();
    }

    @Test
    void givenUnknownMissingOrOversizedToken_refresh_isInvalid() {
        StepVerifier.create(service.refresh(new RefreshTokensCommand("nope", "203.0.113.7"))).expectError(RefreshTokenInvalidException.class).verify();
        StepVerifier.create(service.refresh(new RefreshTokensCommand(null, "203.0.113.7"))).expectError(RefreshTokenInvalidException.class).verify();
        StepVerifier.create(service.refresh(new RefreshTokensCommand("x".repeat(500), "203.0.113.7")))
                .expectError(RefreshTokenInvalidException.class).verify();
    }

    @Test
    void givenLoggedOutSession_refresh_fails() {
        new LogoutService(kit.revoker()).logout(new io.latchkey.application.usecase.LogoutCommand(user.id(), sessionId)).block();
        StepVerifier.create(refresh(first)).expectError(RefreshTokenInvalidException.class).verify();
    }

    @Test
    void givenADisabledOwnerWhoseSessionsWereNotYetRevoked_refresh_isRefusedAndRotatesNothing() {
        kit.users.updateStatus(user.id(), UserStatus.DISABLED, kit.clock.instant()).block();
        int eventsBefore = kit.events.events().size();

        StepVerifier.create(refresh(first)).expectError(UserDisabledException.class).verify();

        assertThat(kit.sessions.findById(sessionId).block().generation()).isZero();
        assertThat(kit.events.events()).hasSize(eventsBefore);
    }
}
