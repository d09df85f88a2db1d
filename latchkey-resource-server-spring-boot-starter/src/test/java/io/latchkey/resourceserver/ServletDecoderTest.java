package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.IssuerMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The servlet decoder the starter builds: keys from the discovery document, refreshes limited, the validators. */
class ServletDecoderTest {

    private final IssuerStub issuer = stub();

    @AfterEach
    void close() {
        issuer.close();
    }

    @Test
    void givenNoJwkSetUri_theKeysComeFromTheJwksUriOfTheDiscoveryDocument() {
        JwtDecoder decoder = decoder(null);

        assertThat(decoder.decode(issuer.token()).getSubject()).isEqualTo("u1");
        assertThat(issuer.hits.get("/.well-known/latchkey-configuration")).hasValue(1);
        assertThat(issuer.jwksFetches).hasValue(1);
        assertThat(issuer.hits).doesNotContainKey("/.well-known/jwks.json");
    }

    @Test
    void givenAConfiguredJwkSetUri_itOverridesTheDiscoveryDocument() {
        JwtDecoder decoder = decoder(URI.create(issuer.issuer() + "/keys/published.json"));

        assertThat(decoder.decode(issuer.token()).getSubject()).isEqualTo("u1");
        assertThat(issuer.hits).doesNotContainKey("/.well-known/latchkey-configuration");
    }

    @Test
    void givenTokensWithMadeUpKids_theKeysAreFetchedAtMostOncePerInterval() {
        JwtDecoder decoder = decoder(null);
        decoder.decode(issuer.token());

        for (int i = 0; i < 100; i++) {
            String forged = issuer.token(c -> c, "at+jwt", "made-up-" + i);
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }

        assertThat(issuer.jwksFetches.get()).as("first load plus at most one rate-limited refresh").isLessThanOrEqualTo(2);
    }

    @Test
    void givenTokensThatAreNotLatchkeyAccessTokens_areRefused() {
        JwtDecoder decoder = decoder(null);
        Instant now = Instant.now();

        Map<String, String> refused = Map.of(
                "typ JWT", issuer.token(c -> c, "JWT", "k1"),
                "no epoch", issuer.token(c -> c.claim("epoch", null), "at+jwt", "k1"),
                "epoch as a string", issuer.token(c -> c.claim("epoch", "3"), "at+jwt", "k1"),
                "no sid", issuer.token(c -> c.claim("sid", null), "at+jwt", "k1"),
                "another audience", issuer.token(c -> c.audience("billing"), "at+jwt", "k1"),
                "another issuer", issuer.token(c -> c.issuer("https://elsewhere.example"), "at+jwt", "k1"),
                "another client", issuer.token(c -> c.claim("client_id", "other"), "at+jwt", "k1"),
                "expired beyond the skew", issuer.token(c -> c.issueTime(Date.from(now.minusSeconds(1000)))
                        .expirationTime(Date.from(now.minusSeconds(130))),
                        "at+jwt", "k1"),
                "unsigned", "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("{\"sub\":\"u1\"}".getBytes()) + ".");
        refused.forEach((why, token) -> assertThatThrownBy(() -> decoder.decode(token)).as(why)
                .isInstanceOf(JwtException.class));
        assertThat(decoder.decode(issuer.token(c -> c
                .issueTime(Date.from(now.minusSeconds(1000))).expirationTime(Date.from(now.minusSeconds(90))), "at+jwt", "k1"))
                .getSubject()).as("a clock-skew of 120 s is honoured, not the builder's 60 s").isEqualTo("u1");
    }

    private JwtDecoder decoder(URI jwkSetUri) {
        LatchkeyResourceServerProperties properties = properties(issuer.issuer(), jwkSetUri);
        return LatchkeyServletResourceServerAutoConfiguration.decoder(properties,
                new IssuerMetadata(HttpClient.newHttpClient(), properties.issuer(), jwkSetUri, Duration.ofSeconds(2)));
    }

    static LatchkeyResourceServerProperties properties(URI issuer, URI jwkSetUri) {
        return new LatchkeyResourceServerProperties(issuer, jwkSetUri, "latchkey", "latchkey", Duration.ofSeconds(120),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15),
                new LatchkeyResourceServerProperties.Events(null, "latchkey.auth-events.v1", Duration.ofSeconds(30),
                        Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(5), Map.of()),
                new LatchkeyResourceServerProperties.Fallback(LatchkeyResourceServerProperties.Mode.UNAVAILABLE, null,
                        null, Duration.ofSeconds(5), 10_000, Duration.ofSeconds(2), 64), 1_000_000);
    }

    private static IssuerStub stub() {
        try {
            return new IssuerStub("billing", "secret");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
