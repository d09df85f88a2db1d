package io.latchkey.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Near-cache bounds: entries live at most {@code ttl} (≤ 5 s), copies of PostgreSQL answers taken while Redis is
 * unavailable at most {@code fallbackTtl} (≤ {@code ttl}), and there are at most {@code maxEntries} of each kind.
 */
public record NearCacheSettings(Duration ttl, Duration fallbackTtl, long maxEntries) {

    public static final Duration DEFAULT_FALLBACK_TTL = Duration.ofMillis(500);

    public NearCacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(fallbackTtl, "fallbackTtl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofSeconds(5)) > 0 || maxEntries < 1) {
            throw new IllegalArgumentException("near-cache ttl must be in (0, 5s] and maxEntries positive");
        }
        if (fallbackTtl.isNegative() || fallbackTtl.isZero() || fallbackTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("near-cache fallback ttl must be in (0, ttl]");
        }
    }

    public NearCacheSettings(Duration ttl, long maxEntries) {
        this(ttl, DEFAULT_FALLBACK_TTL.compareTo(ttl) < 0 ? DEFAULT_FALLBACK_TTL : ttl, maxEntries);
    }
}
