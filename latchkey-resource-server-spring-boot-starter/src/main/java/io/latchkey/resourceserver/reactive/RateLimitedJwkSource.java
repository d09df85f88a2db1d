package io.latchkey.resourceserver.reactive;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's signing keys, held in memory. A token whose {@code kid} is unknown triggers a refresh, at most once
 * per {@code minInterval} (concurrent requests share it): a flood of tokens with made-up key ids cannot turn into a
 * flood of JWKS requests, and a failed refresh is not retried within the interval either. Within the interval an
 * unknown {@code kid} finds no key, and the token is refused. The keys are also fetched again once they are older
 * than {@code keysTtl}, so a key the issuer removed stops being trusted without waiting for an unknown {@code kid}.
 */
public final class RateLimitedJwkSource implements Function<SignedJWT, Flux<JWK>> {

    private record Refresh(Instant at, Mono<JWKSet> keys) {
    }

    private final Supplier<Mono<JWKSet>> fetch;
    private final Duration minInterval;
    private final InstantSource clock;
    private final Duration keysTtl;
    private volatile JWKSet keys = new JWKSet();
    private volatile Instant loadedAt = Instant.MIN;
    private volatile Refresh last = new Refresh(Instant.MIN, Mono.just(new JWKSet()));

    public RateLimitedJwkSource(Supplier<Mono<JWKSet>> fetch, Duration minInterval, InstantSource clock) {
        this(fetch, minInterval, Duration.ofMinutes(5), clock);
    }

    public RateLimitedJwkSource(Supplier<Mono<JWKSet>> fetch, Duration minInterval, Duration keysTtl,
            InstantSource clock) {
        this.fetch = fetch;
        this.minInterval = minInterval;
        this.keysTtl = keysTtl;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        List<JWK> known = selector.select(keys);
        if (!known.isEmpty() && clock.instant().isBefore(loadedAt.plus(keysTtl))) {
            return Flux.fromIterable(known);
        }
        return refresh().flatMapIterable(selector::select);
    }

    /** A JWKS document; a malformed one fails the refresh (the token is then refused, never accepted). */
    public static JWKSet parse(String document) {
        try {
            return JWKSet.parse(document);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("malformed JWKS: " + e.getMessage(), e);
        }
    }

    private synchronized Mono<JWKSet> refresh() {
        Instant now = clock.instant();
        if (last.at().plus(minInterval).isAfter(now)) {
            return last.keys();
        }
        Mono<JWKSet> fetched = Mono.defer(fetch).doOnNext(set -> {
            keys = set;
            loadedAt = clock.instant();
        }).cache(set -> Duration.ofDays(3650), e -> minInterval, () -> minInterval);
        last = new Refresh(now, fetched);
        return fetched;
    }
}
