package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.IssuerMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.resourceserver.reactive.RevocationWebFilter;
import io.latchkey.resourceserver.revocation.AuthEventParser;
import io.latchkey.resourceserver.revocation.RevocationGate;
import io.latchkey.resourceserver.revocation.RevocationStore;
import io.latchkey.resourceserver.revocation.RevocationStream;
import io.latchkey.resourceserver.servlet.RevocationServletFilter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both filters validate the token before the revocation decision: while the set is untrusted (503 mode), a forged
 * token is left to Spring Security (which answers 401) instead of costing a decision; a valid one gets 503, a
 * revoked one 401.
 */
class RevocationFiltersTest {

    private final IssuerStub issuer = stub();
    private final LatchkeyResourceServerProperties properties = ServletDecoderTest.properties(issuer.issuer(), null);
    private final IssuerMetadata metadata = new IssuerMetadata(HttpClient.newHttpClient(), issuer.issuer(), null,
            Duration.ofSeconds(2));
    private final RevocationStore store = new RevocationStore(10);
    private final RevocationGate gate = new RevocationGate(store, new RevocationStream(new RevocationStream.Settings(
            "unused:9092", "t", Duration.ofMinutes(16), Duration.ofSeconds(10), Duration.ofMillis(5),
            Duration.ofSeconds(60), Duration.ofSeconds(1), Map.of()), store,
            new AuthEventParser(JsonMapper.builder().build(), Duration.ofMinutes(15)), Instant::now, () -> { }),
            false, Instant::now);

    @AfterEach
    void close() {
        issuer.close();
    }

    @Test
    void servlet_givenAForgedToken_leavesItToSpringSecurity_beforeAnyRevocationDecision() throws Exception {
        RevocationServletFilter filter = new RevocationServletFilter(gate,
                LatchkeyServletResourceServerAutoConfiguration.decoder(properties, metadata), null,
                Duration.ofSeconds(2));
        store.revokeSession("revoked-session", Instant.now().plusSeconds(60));

        assertThat(servlet(filter, forged())).as("passed on, not decided").isEqualTo(-1);
        assertThat(servlet(filter, issuer.token())).isEqualTo(503);
        assertThat(servlet(filter, issuer.token(c -> c.claim("sid", "revoked-session"), "at+jwt", "k1")))
                .isEqualTo(401);
    }

    @Test
    void reactive_givenAForgedToken_leavesItToSpringSecurity_beforeAnyRevocationDecision() {
        RevocationWebFilter filter = new RevocationWebFilter(gate,
                new LatchkeyReactiveResourceServerAutoConfiguration().latchkeyReactiveJwtDecoder(properties, metadata),
                null);
        store.revokeSession("revoked-session", Instant.now().plusSeconds(60));

        assertThat(reactive(filter, forged())).as("passed on, not decided").isEqualTo(-1);
        assertThat(reactive(filter, issuer.token())).isEqualTo(503);
        assertThat(reactive(filter, issuer.token(c -> c.claim("sid", "revoked-session"), "at+jwt", "k1")))
                .isEqualTo(401);
    }

    /** The status the filter answered, or -1 when it passed the request on. */
    private static int servlet(RevocationServletFilter filter, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/whoami");
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() != null ? -1 : response.getStatus();
    }

    private static int reactive(RevocationWebFilter filter, String token) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/whoami")
                .header("Authorization", "Bearer " + token));
        AtomicBoolean passed = new AtomicBoolean();
        filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))).block();
        return passed.get() ? -1 : exchange.getResponse().getStatusCode().value();
    }

    /** Well-formed, with the claims the gate reads, but signed by a key that is not the issuer's. */
    private String forged() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                    .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder()
                    .issuer(issuer.issuer().toString()).audience("latchkey").subject("u1").claim("client_id", "latchkey")
                    .claim("sid", "s-forged").claim("epoch", 3L).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).jwtID("j").build());
            jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("k1").generate()));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IssuerStub stub() {
        try {
            return new IssuerStub("billing", "secret");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
