package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingAccessTokenVerifierTest {

    private final MutableInstantSource clock = MutableInstantSource.atDefaultStart();
    private final AtomicInteger verifications = new AtomicInteger();
    private final AccessTokenClaims claims = new AccessTokenClaims(new TokenId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
            new SessionId(UUID.randomUUID()), Set.of("USER"), 0, clock.instant(), clock.instant().plus(Duration.ofMinutes(15)),
            java.util.List.of("pwd"), clock.instant(), null);
    private final AccessTokenVerifier delegate = token -> {
        verifications.incrementAndGet();
        if (!token.equals("good") || !clock.instant().isBefore(claims.expiresAt().plusSeconds(60))) {
            throw new InvalidAccessTokenException();
        }
        return claims;
    };
    private final CachingAccessTokenVerifier verifier = new CachingAccessTokenVerifier(delegate,
            new TokenSettings("https://auth.example", "api", "web", Duration.ofSeconds(60), 4096), clock, 1000);

    @Test
    void givenTheSameToken_theSignatureIsCheckedOnce() {
        assertThat(verifier.verify("good")).isEqualTo(claims);
        assertThat(verifier.verify("good")).isEqualTo(claims);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void givenFailures_theyAreNeverCached() {
        assertThatThrownBy(() -> verifier.verify("bad")).isInstanceOf(InvalidAccessTokenException.class);
        assertThatThrownBy(() -> verifier.verify("bad")).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void givenTheTokenExpired_theEntryIsGoneAndTheVerifierDecidesAgain() {
        verifier.verify("good");
        clock.advance(Duration.ofMinutes(15).plusSeconds(61));
        assertThatThrownBy(() -> verifier.verify("good")).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(verifications).hasValue(2);
    }
}
