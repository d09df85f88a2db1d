package io.latchkey.adapters.web.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AccessTokenVerifier;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Strict local verification: the canonical compact serialization only ({@link CompactSerialization}), RS256
 * only, a known {@code kid}, {@code typ at+jwt}, exact issuer, required
 * audience and expiry, no key material taken from the token's own header, time claims within the skew.
 */
class NimbusAccessTokenVerifier implements AccessTokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final TokenSettings settings;
    private final InstantSource clock;

    NimbusAccessTokenVerifier(SigningKeyRing keys, TokenSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(NimbusAccessTokenIssuer.ACCESS_TOKEN_TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SigningKeyRing.ALGORITHM,
                new ImmutableJWKSet<>(keys.publicKeys())));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    @Override
    public AccessTokenClaims verify(String encoded) {
        if (encoded.length() > settings.maxTokenLength() || !CompactSerialization.isCanonical(encoded)) {
            throw new InvalidAccessTokenException();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(encoded);
            requireSafeHeader(jwt.getHeader());
            JWTClaimsSet claims = processor.process(jwt, null);
            return toClaims(claims);
        } catch (InvalidAccessTokenException e) {
            throw e;
        } catch (Exception e) {
            // Parse, signature, type and key-selection failures all look the same to the caller.
            throw new InvalidAccessTokenException();
        }
    }

    private static void requireSafeHeader(JWSHeader header) {
        boolean carriesKeyMaterial = header.getJWKURL() != null || header.getJWK() != null
                || header.getX509CertURL() != null || header.getX509CertChain() != null;
        if (!SigningKeyRing.ALGORITHM.equals(header.getAlgorithm()) || header.getKeyID() == null
                || carriesKeyMaterial || header.getCriticalParams() != null) {
            throw new InvalidAccessTokenException();
        }
    }

    private AccessTokenClaims toClaims(JWTClaimsSet claims) throws java.text.ParseException {
        Instant now = clock.instant();
        if (!settings.issuer().equals(claims.getIssuer())
                || claims.getAudience() == null || !claims.getAudience().contains(settings.audience())
                || claims.getExpirationTime() == null || claims.getIssueTime() == null
                || claims.getSubject() == null || claims.getJWTID() == null) {
            throw new InvalidAccessTokenException();
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        Instant issuedAt = claims.getIssueTime().toInstant();
        Instant latestAcceptable = now.plus(settings.clockSkew());
        if (!now.minus(settings.clockSkew()).isBefore(expiresAt)
                || issuedAt.isAfter(latestAcceptable)
                || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(latestAcceptable))) {
            throw new InvalidAccessTokenException();
        }
        String sessionId = claims.getStringClaim(ClaimNames.SESSION_ID);
        Long epoch = claims.getLongClaim(ClaimNames.EPOCH);
        List<String> roles = claims.getStringListClaim(ClaimNames.ROLES);
        if (sessionId == null || epoch == null) {
            throw new InvalidAccessTokenException();
        }
        Set<String> roleSet = roles == null ? Set.of() : new HashSet<>(roles);
        // Tokens signed before amr/auth_time existed were password logins of unknown age: the epoch is never recent.
        List<String> amr = claims.getStringListClaim(ClaimNames.AMR);
        Long authTime = claims.getLongClaim(ClaimNames.AUTH_TIME);
        try {
            return new AccessTokenClaims(new TokenId(UUID.fromString(claims.getJWTID())), UserId.parse(claims.getSubject()),
                    SessionId.parse(sessionId), roleSet, epoch, issuedAt, expiresAt,
                    amr == null ? List.of("pwd") : amr,
                    authTime == null ? Instant.EPOCH : Instant.ofEpochSecond(authTime),
                    claims.getStringClaim(ClaimNames.IDP));
        } catch (IllegalArgumentException e) {
            throw new InvalidAccessTokenException();
        }
    }
}
