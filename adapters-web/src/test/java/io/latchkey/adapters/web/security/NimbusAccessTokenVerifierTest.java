package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.token.TokenId;
import io.latchkey.domain.model.user.UserId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The verification rules, one attack at a time, against a ring with a retired and an active key. */
class NimbusAccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final TokenSettings SETTINGS = new TokenSettings("https://auth.example", "api", "web", Duration.ofSeconds(60), 4096);
    private static final RSAKey RETIRED = rsa("retired");
    private static final RSAKey ACTIVE = rsa("active");
    private static final RSAKey ATTACKER = rsa("attacker");
    private static final SigningKeyRing RING = SigningKeyRing.fromJwkSet(
            new JWKSet(List.of(ACTIVE, RETIRED.toPublicJWK())).toString(false), "active");

    private final NimbusAccessTokenVerifier verifier = new NimbusAccessTokenVerifier(RING, SETTINGS, InstantSource.fixed(NOW));

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSHeader.Builder header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType("at+jwt"));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://auth.example").audience("api").subject(UUID.randomUUID().toString())
                .issueTime(Date.from(NOW.minusSeconds(10))).notBeforeTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(600))).jwtID(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString()).claim("roles", List.of("USER")).claim("epoch", 0);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(RSAKey key, UnaryOperator<JWSHeader.Builder> h, UnaryOperator<JWTClaimsSet.Builder> c) {
        try {
            return sign(h.apply(header(key.getKeyID())).build(), c.apply(claims()).build(), new RSASSASigner(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void rejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void givenTokenFromTheIssuer_verify_returnsItsClaims() {
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        AccessTokenClaims issued = new AccessTokenClaims(new TokenId(UUID.randomUUID()), user, session, Set.of("USER", "ADMIN"),
                7, NOW, NOW.plusSeconds(900), java.util.List.of("pwd", "otp", "mfa"), NOW.minusSeconds(30), null);
        String token = new NimbusAccessTokenIssuer(RING, SETTINGS).issue(issued).encoded();
        assertThat(verifier.verify(token)).isEqualTo(issued);
    }

    @Test
    void givenFederatedToken_verify_returnsIdpAndAuthTimeAsNumericDate() throws Exception {
        AccessTokenClaims issued = new AccessTokenClaims(new TokenId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new SessionId(UUID.randomUUID()), Set.of("USER"), 0, NOW, NOW.plusSeconds(900), java.util.List.of("fed"),
                NOW.minusSeconds(60), "google");
        String token = new NimbusAccessTokenIssuer(RING, SETTINGS).issue(issued).encoded();

        var jwt = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(jwt.getClaim("auth_time")).isEqualTo(NOW.minusSeconds(60).getEpochSecond());
        assertThat(jwt.getStringClaim("idp")).isEqualTo("google");
        assertThat(verifier.verify(token)).isEqualTo(issued);
    }

    @Test
    void givenTokenWithoutIdp_issue_omitsTheClaim() throws Exception {
        AccessTokenClaims issued = new AccessTokenClaims(new TokenId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new SessionId(UUID.randomUUID()), Set.of("USER"), 0, NOW, NOW.plusSeconds(900), java.util.List.of("pwd"),
                NOW, null);
        String token = new NimbusAccessTokenIssuer(RING, SETTINGS).issue(issued).encoded();

        assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("idp");
    }

    @Test
    void givenTokenSignedBeforeAmrExisted_verify_acceptsAsPasswordOfUnknownAge() {
        AccessTokenClaims claims = verifier.verify(signed(RETIRED, h -> h, c -> c));

        assertThat(claims.amr()).containsExactly("pwd");
        assertThat(claims.authTime()).isEqualTo(java.time.Instant.EPOCH);
    }

    @Test
    void givenTokenSignedByRetiredButPublishedKey_verify_accepts() {
        assertThat(verifier.verify(signed(RETIRED, h -> h, c -> c)).roles()).containsExactly("USER");
    }

    @Test
    void givenUnknownKid_verify_rejects() {
        rejected(signed(ATTACKER, h -> h, c -> c));
    }

    @Test
    void givenKnownKidButForeignKey_verify_rejects() {
        rejected(signed(ATTACKER, h -> header("active"), c -> c));
    }

    @Test
    void givenAlgNone_verify_rejects() {
        String unsigned = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"active\"}") + "."
                + claims().build().toPayload().toBase64URL() + ".";
        rejected(unsigned);
    }

    @Test
    void givenHs256KeyedWithThePublicKey_verify_rejects() throws Exception {
        byte[] publicKeyBytes = ACTIVE.toRSAPublicKey().getEncoded();
        JWSHeader hs = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("active").type(new JOSEObjectType("at+jwt")).build();
        rejected(sign(hs, claims().build(), new MACSigner(publicKeyBytes)));
    }

    @Test
    void givenKeyMaterialInTheHeader_verify_rejects() throws Exception {
        rejected(signed(ATTACKER, h -> header("active").jwkURL(URI.create("https://evil.example/jwks.json")), c -> c));
        rejected(signed(ATTACKER, h -> header("active").jwk(ATTACKER.toPublicJWK()), c -> c));
        rejected(signed(ACTIVE, h -> h.x509CertURL(URI.create("https://evil.example/cert.pem")), c -> c));
        rejected(signed(ACTIVE, h -> h.jwkURL(URI.create("https://evil.example/jwks.json")), c -> c));
    }

    @Test
    void givenCriticalHeader_verify_rejects() {
        rejected(signed(ACTIVE, h -> h.criticalParams(Set.of("exp")), c -> c));
    }

    @Test
    void givenWrongOrMissingType_verify_rejects() {
        rejected(signed(ACTIVE, h -> h.type(JOSEObjectType.JWT), c -> c));
        rejected(signed(ACTIVE, h -> h.type(null), c -> c));
    }

    @Test
    void givenWrongIssuerOrAudience_verify_rejects() {
        rejected(signed(ACTIVE, h -> h, c -> c.issuer("https://auth.example/")));
        rejected(signed(ACTIVE, h -> h, c -> c.audience("other")));
        rejected(signed(ACTIVE, h -> h, c -> c.audience((String) null)));
    }

    @Test
    void givenMissingRequiredClaims_verify_rejects() {
        rejected(signed(ACTIVE, h -> h, c -> c.expirationTime(null)));
        rejected(signed(ACTIVE, h -> h, c -> c.claim("sid", null)));
        rejected(signed(ACTIVE, h -> h, c -> c.claim("epoch", null)));
        rejected(signed(ACTIVE, h -> h, c -> c.subject("not-a-uuid")));
    }

    @Test
    void givenExpiry_verify_allowsSixtySecondsOfSkewAndNoMore() {
        UnaryOperator<JWTClaimsSet.Builder> issuedLongAgo = c -> c.issueTime(Date.from(NOW.minusSeconds(900)))
                .notBeforeTime(Date.from(NOW.minusSeconds(900)));
        assertThat(verifier.verify(signed(ACTIVE, h -> h,
                c -> issuedLongAgo.apply(c).expirationTime(Date.from(NOW.minusSeconds(30)))))).isNotNull();
        rejected(signed(ACTIVE, h -> h, c -> issuedLongAgo.apply(c).expirationTime(Date.from(NOW.minusSeconds(61)))));
    }

    @Test
    void givenNotBeforeOrIssuedAtInTheFuture_verify_rejectsBeyondSixtySeconds() {
        assertThat(verifier.verify(signed(ACTIVE, h -> h, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(50)))))).isNotNull();
        rejected(signed(ACTIVE, h -> h, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(61)))));
        rejected(signed(ACTIVE, h -> h, c -> c.issueTime(Date.from(NOW.plusSeconds(61)))));
    }

    @Test
    void givenOversizedToken_verify_rejectsBeforeParsing() {
        rejected(signed(ACTIVE, h -> h, c -> c.claim("padding", "x".repeat(5000))));
    }

    @Test
    void givenGarbage_verify_rejects() {
        rejected("");
        rejected("a.b.c");
        rejected("not a token");
    }
    @Test
    void givenNonCanonicalSpellingOfAValidToken_verify_rejectsEveryVariant() {
        String token = tokenWithBothUrlSafeCharacters();
        assertThat(verifier.verify(token)).isNotNull();
        List<String> variants = NonCanonicalSpellings.of(token);
        assertThat(variants).hasSizeGreaterThanOrEqualTo(10);
        for (String variant : variants) {
            assertThatThrownBy(() -> verifier.verify(variant)).as(variant)
                    .isInstanceOf(InvalidAccessTokenException.class);
        }
    }

    @Test
    void givenCanonicalCheck_isCanonical_acceptsOnlyThreeStrictParts() {
        assertThat(CompactSerialization.isCanonical("eyJh.eyJi.c2ln")).isTrue();
        assertThat(CompactSerialization.isCanonical("eyJh.eyJi")).isFalse();
        assertThat(CompactSerialization.isCanonical("eyJh.eyJi.c2ln.eA")).isFalse();
        assertThat(CompactSerialization.isCanonical("eyJh..c2ln")).isFalse();
        // "QQ" is 'A'; "QR" decodes to the same byte with a non-zero unused bit.
        assertThat(CompactSerialization.isCanonical("QQ.QQ.QQ")).isTrue();
        assertThat(CompactSerialization.isCanonical("QQ.QQ.QR")).isFalse();
        assertThat(CompactSerialization.isCanonical("QQ.QQ.QQ==")).isFalse();
        assertThat(CompactSerialization.isCanonical("QQ.QQ.Q")).isFalse();
    }

    /** A token whose parts hold a {@code -} and a {@code _}, so the {@code +} and {@code /} variants exist. */
    private static String tokenWithBothUrlSafeCharacters() {
        for (int attempt = 0; attempt < 50; attempt++) {
            String token = signed(ACTIVE, h -> h, c -> c);
            if (token.contains("-") && token.contains("_")) {
                return token;
            }
        }
        throw new IllegalStateException("no token with both - and _ in 50 signatures");
    }
}
