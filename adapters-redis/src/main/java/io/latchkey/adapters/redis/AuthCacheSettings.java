package io.latchkey.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/** Tuning of the Redis auth cache, bound from {@code latchkey.cache.*} by the application. */
public record AuthCacheSettings(Duration profileTtl) {

    public AuthCacheSettings {
        Objects.requireNonNull(profileTtl, "profileTtl");
        if (profileTtl.isZero() || profileTtl.isNegative()) {
            throw new IllegalArgumentException("profileTtl must be positive");
        }
    }
}
