package io.latchkey.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/** Near-cache bounds: entries live at most {@code ttl} (≤ 5 s) and there are at most {@code maxEntries}. */
public record NearCacheSettings(Duration ttl, long maxEntries) {

    public NearCacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofSeconds(5)) > 0 || maxEntries < 1) {
            throw new IllegalArgumentException("near-cache ttl must be in (0, 5s] and maxEntries positive");
        }
    }
}
