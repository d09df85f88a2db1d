package io.latchkey.resourceserver.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RateLimitedJwkSourceTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final RSAKey k1 = key("k1");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(k1.toPublicJWK()));
    private final RateLimitedJwkSource source = new RateLimitedJwkSource(
            () -> Mono.fromSupplier(() -> {
                fetches.incrementAndGet();
                return published.get();
            }), Duration.ofSeconds(30), new InstantSource() {
                @Override
                public Instant instant() {
                    return now.get();
                }
            });

    @Test
    void givenAKnownKid_answersFromMemoryAfterTheFirstFetch() {
        assertThat(source.apply(token("k1")).collectList().block()).hasSize(1);
        assertThat(source.apply(token("k1")).collectList().block()).hasSize(1);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void givenUnknownKids_refreshesAtMostOncePerInterval_andFindsARotatedKeyAfterIt() {
        source.apply(token("k1")).collectList().block();
        for (int i = 0; i < 50; i++) {
            assertThat(source.apply(token("made-up-" + i)).collectList().block()).isEmpty();
        }
        assertThat(fetches).as("one refresh for the first unknown kid in the interval").hasValue(1);

        published.set(new JWKSet(java.util.List.of(k1.toPublicJWK(), key("k2").toPublicJWK())));
        now.set(now.get().plusSeconds(31));
        assertThat(source.apply(token("k2")).collectList().block()).hasSize(1);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void givenTheJwksEndpointFails_unknownKidsStillFetchAtMostOncePerInterval() {
        AtomicInteger failures = new AtomicInteger();
        RateLimitedJwkSource failing = new RateLimitedJwkSource(() -> Mono.fromSupplier(() -> {
            failures.incrementAndGet();
            throw new IllegalStateException("JWKS answered 500");
        }), Duration.ofSeconds(30), now::get);

        for (int i = 0; i < 50; i++) {
            assertThat(failing.apply(token("made-up-" + i)).onErrorResume(e -> reactor.core.publisher.Flux.empty())
                    .collectList().block()).isEmpty();
        }

        assertThat(failures).hasValue(1);
    }

    @Test
    void givenTheKeysAreOlderThanTheirTtl_theyAreFetchedAgain_andARemovedKeyIsNoLongerTrusted() {
        RateLimitedJwkSource source = new RateLimitedJwkSource(() -> Mono.fromSupplier(() -> {
            fetches.incrementAndGet();
            return published.get();
        }), Duration.ofSeconds(30), Duration.ofMinutes(5), now::get);
        assertThat(source.apply(token("k1")).collectList().block()).hasSize(1);

        published.set(new JWKSet(key("k2").toPublicJWK()));   // k1 withdrawn by the issuer
        now.set(now.get().plus(Duration.ofMinutes(5)));

        assertThat(source.apply(token("k1")).collectList().block()).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    private static SignedJWT token(String kid) {
        return new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), new JWTClaimsSet.Builder().build());
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
