package io.latchkey.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.port.AccessTokenIssuer;
import java.util.Date;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Signs RFC 9068-style access tokens ({@code typ: at+jwt}) with the key ring's active RS256 key. */
@Component
class NimbusAccessTokenIssuer implements AccessTokenIssuer {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final RSASSASigner signer;
    private final JWSHeader header;
    private final TokenSettings settings;

    NimbusAccessTokenIssuer(SigningKeyRing keys, TokenSettings settings) {
        try {
            this.signer = new RSASSASigner(keys.activeKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("active signing key unusable", e);
        }
        this.header = new JWSHeader.Builder(SigningKeyRing.ALGORITHM)
                .keyID(keys.activeKey().getKeyID())
                .type(ACCESS_TOKEN_TYPE)
                .build();
        this.settings = settings;
    }

    @Override
    public AccessToken issue(AccessTokenClaims claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(claims.subject().toString())
                .audience(settings.audience())
                .expirationTime(Date.from(claims.expiresAt()))
                .notBeforeTime(Date.from(claims.issuedAt()))
                .issueTime(Date.from(claims.issuedAt()))
                .jwtID(claims.id().toString())
                .claim(ClaimNames.CLIENT_ID, settings.clientId())
                .claim(ClaimNames.SESSION_ID, claims.sessionId().toString())
                .claim(ClaimNames.ROLES, new TreeSet<>(claims.roles()).stream().toList())
                .claim(ClaimNames.EPOCH, claims.epoch())
                .claim(ClaimNames.AMR, claims.amr())
                // OIDC Core: auth_time is a NumericDate (seconds), like exp and iat.
                .claim(ClaimNames.AUTH_TIME, claims.authTime().getEpochSecond());
        if (claims.idp() != null) {
            builder.claim(ClaimNames.IDP, claims.idp());
        }
        JWTClaimsSet set = builder.build();
        SignedJWT jwt = new SignedJWT(header, set);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new AccessToken(jwt.serialize(), claims.issuedAt(), claims.expiresAt());
    }
}
