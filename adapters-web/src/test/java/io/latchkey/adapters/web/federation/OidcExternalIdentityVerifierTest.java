package io.latchkey.adapters.web.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Connect client against a real HTTP server in this JVM serving discovery, JWKS and a token endpoint
 * with responses shaped like the providers' (Kakao's ID token: no {@code email_verified}).
 */
class OidcExternalIdentityVerifierTest {

    private static final String CLIENT = "kakao-rest-api-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final MutableInstantSource clock = MutableInstantSource.atDefaultStart();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicReference<String> tokenResponse = new AtomicReference<>();
    private final AtomicInteger tokenStatus = new AtomicInteger(200);
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger tokenDelayMillis = new AtomicInteger();
    private HttpServer server;
    private String issuer;
    private OidcExternalIdentityVerifier verifier;
    private RSAKey key;

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        published.set(new JWKSet(key.toPublicJWK()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/kakao";
        server.createContext("/kakao/.well-known/openid-configuration", exchange -> respond(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth/authorize","token_endpoint":"%1$s/oauth/token",
                 "jwks_uri":"%1$s/.well-known/jwks.json","id_token_signing_alg_values_supported":["RS256"]}
                """.formatted(issuer)));
        server.createContext("/kakao/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            respond(exchange, 200, published.get().toString());
        });
        server.createContext("/kakao/oauth/token", exchange -> {
            try {
                Thread.sleep(tokenDelayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, tokenStatus.get(), tokenResponse.get());
        });
        server.start();
        var settings = new FederationClientSettings(Map.of("kakao", new IdentityProviderSettings("kakao", URI.create(issuer),
                CLIENT, "secret", List.of("openid", "account_email"), Set.of())), TIMEOUT, Duration.ofSeconds(60), null);
        verifier = new OidcExternalIdentityVerifier(settings, clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void kakaoShapedIdToken_withAnAddressButNoEmailVerified_isAnUnverifiedAddress() throws Exception {
        tokenResponse.set(tokenResponseWith(idToken(key, claims("n-1").claim("nickname", "홍길동")
                .claim("email", "someone@kakao.example").build())));

        ExternalIdentity identity = verifier.redeem("kakao", URI.create("http://localhost/cb"), "code", "verifier", "n-1")
                .block();

        assertThat(identity.subject()).isEqualTo("3141592653");
        assertThat(identity.email()).isNotNull();
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void aRotatedKey_isFetchedOnceWhenATokenNamesIt_andInventedKeysCauseNoFurtherFetches() throws Exception {
        tokenResponse.set(tokenResponseWith(idToken(key, claims("n").build())));
        verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block();
        assertThat(jwksFetches).hasValue(1);

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k2").generate();
        published.set(new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())));
        clock.advance(Duration.ofMinutes(5));
        tokenResponse.set(tokenResponseWith(idToken(rotated, claims("n").build())));
        verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block();
        assertThat(jwksFetches).hasValue(2);

        RSAKey invented = new RSAKeyGenerator(2048).keyID("k3").generate();
        for (int i = 0; i < 3; i++) {
            tokenResponse.set(tokenResponseWith(idToken(invented, claims("n").build())));
            assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                    .isInstanceOfSatisfying(FederationException.class,
                            e -> assertThat(e.code()).isEqualTo(AuthErrorCode.FEDERATION_REJECTED));
        }
        assertThat(jwksFetches).as("at most one fetch per 30 s for unknown keys").hasValue(2);
    }

    @Test
    void aRefusedCode_isARejectedGrant_butAProviderErrorOrSlowAnswerIsAnOutage() {
        tokenStatus.set(400);
        tokenResponse.set("{\"error\":\"invalid_grant\",\"error_description\":\"authorization code not found\"}");
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOf(FederationException.class);

        tokenStatus.set(502);
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOf(DependencyUnavailableException.class);

        tokenStatus.set(200);
        tokenDelayMillis.set((int) TIMEOUT.toMillis() + 1500);
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void anIdTokenForTwoAudiences_needsAnAzpNamingThisClient() throws Exception {
        tokenResponse.set(tokenResponseWith(idToken(key, claims("n").audience(List.of(CLIENT, "another-app")).build())));
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOf(FederationException.class);

        tokenResponse.set(tokenResponseWith(idToken(key, claims("n").audience(List.of(CLIENT, "another-app"))
                .claim("azp", CLIENT).build())));
        assertThat(verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block()).isNotNull();
    }

    @Test
    void aTokenSignedByTheProvidersKey_withAnotherIssuerOrNonce_isRefused_whileTheSameClaimsOtherwisePass() throws Exception {
        tokenResponse.set(tokenResponseWith(idToken(key, claims("n").build())));
        assertThat(verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block()).isNotNull();

        tokenResponse.set(tokenResponseWith(idToken(key, claims("n").issuer(issuer + "/other-tenant").build())));
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOfSatisfying(FederationException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.FEDERATION_REJECTED));

        tokenResponse.set(tokenResponseWith(idToken(key, claims("another-flow").build())));
        assertThatThrownBy(() -> verifier.redeem("kakao", URI.create("http://localhost/cb"), "c", "v", "n").block())
                .isInstanceOf(FederationException.class);
    }

    @Test
    void aNativeIdToken_issuedLongerAgoThanTheReplayMemory_isRefused() throws Exception {
        String fresh = idToken(key, claims("n").build());
        assertThat(verifier.verifyIdToken("kakao", fresh, "n").block()).isNotNull();

        String old = idToken(key, claims("n").issueTime(java.util.Date.from(clock.instant().minus(Duration.ofMinutes(12))))
                .build());
        assertThatThrownBy(() -> verifier.verifyIdToken("kakao", old, "n").block())
                .isInstanceOf(FederationException.class);

        String withoutIat = idToken(key, claims("n").issueTime(null).build());
        assertThatThrownBy(() -> verifier.verifyIdToken("kakao", withoutIat, "n").block())
                .isInstanceOf(FederationException.class);
    }

    private JWTClaimsSet.Builder claims(String nonce) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("3141592653").audience(CLIENT)
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(600)))
                .claim("auth_time", clock.instant().getEpochSecond()).claim("nonce", nonce);
    }

    private static String idToken(RSAKey signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    /** Kakao's token response shape. */
    private static String tokenResponseWith(String idToken) {
        return """
                {"token_type":"bearer","access_token":"opaque-access","id_token":"%s","expires_in":21599,
                 "refresh_token":"opaque-refresh","refresh_token_expires_in":5183999,"scope":"account_email openid"}
                """.formatted(idToken);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
