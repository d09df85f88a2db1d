package io.latchkey.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.port.AccessTokenVerifier;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Verifies each distinct token's signature once per instance: a bounded cache from the exact token string
 * to its verified claims, each entry expiring at the token's own {@code exp}. Only successes are cached. The
 * session check still runs on every request after this, so revocation stays immediate.
 */
@Component
class CachingAccessTokenVerifier implements AccessTokenVerifier {

    private final AccessTokenVerifier delegate;
    private final TokenSettings settings;
    private final Cache<String, AccessTokenClaims> verified;

    @Autowired
    CachingAccessTokenVerifier(SigningKeyRing keys, TokenSettings settings, InstantSource clock, VerifiedTokenCacheSettings cache) {
        this(new NimbusAccessTokenVerifier(keys, settings, clock), settings, clock, cache.maxEntries());
    }

    CachingAccessTokenVerifier(AccessTokenVerifier delegate, TokenSettings settings, InstantSource clock, long maxEntries) {
        this.delegate = delegate;
        this.settings = settings;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(() -> clock.instant().toEpochMilli() * 1_000_000L)
                .expireAfter(new Expiry<String, AccessTokenClaims>() {
                    @Override
                    public long expireAfterCreate(String token, AccessTokenClaims claims, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), claims.expiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String token, AccessTokenClaims claims, long currentTime, long remaining) {
                        return remaining;
                    }

                    @Override
                    public long expireAfterRead(String token, AccessTokenClaims claims, long currentTime, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public AccessTokenClaims verify(String encoded) {
        if (encoded.length() > settings.maxTokenLength()) {
            return delegate.verify(encoded);
        }
        AccessTokenClaims cached = verified.getIfPresent(encoded);
        if (cached != null) {
            return cached;
        }
        AccessTokenClaims claims = delegate.verify(encoded);
        verified.put(encoded, claims);
        return claims;
    }
}
