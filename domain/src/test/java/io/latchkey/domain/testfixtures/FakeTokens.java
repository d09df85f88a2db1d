package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.RefreshTokenGenerator;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque stand-ins for signed tokens: the issuer remembers claims, the verifier looks them up and checks expiry. */
public final class FakeTokens implements AccessTokenIssuer, AccessTokenVerifier, RefreshTokenGenerator {

    private final Map<String, AccessTokenClaims> issued = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public FakeTokens(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public AccessToken issue(AccessTokenClaims claims) {
        String encoded = "at-" + UUID.randomUUID();
        issued.put(encoded, claims);
        return new AccessToken(encoded, claims.issuedAt(), claims.expiresAt());
    }

    @Override
    public AccessTokenClaims verify(String encoded) {
        AccessTokenClaims claims = issued.get(encoded);
        if (claims == null || !clock.instant().isBefore(claims.expiresAt())) {
            throw new InvalidAccessTokenException();
        }
        return claims;
    }

    @Override
    public RefreshToken newToken() {
        return new RefreshToken("rt-" + UUID.randomUUID());
    }

    @Override
    public RefreshToken successorOf(RefreshToken presented) {
        return new RefreshToken("rt-" + UUID.nameUUIDFromBytes(presented.value().getBytes()));
    }
}
