package io.latchkey.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the Redis auth cache, bound from {@code latchkey.cache.*} by the application: the profile's lifetime,
 * the timeout of each command on the request path, and the circuit breaker in front of them (the failure rate in
 * percent over the last {@code breakerWindow} commands that opens it, and how long it stays open before a few trial
 * commands may pass).
 */
public record AuthCacheSettings(Duration profileTtl, Duration commandTimeout, int breakerFailureRate, int breakerWindow,
        Duration breakerOpenFor) {

    public AuthCacheSettings {
        positive(profileTtl, "profileTtl");
        positive(commandTimeout, "commandTimeout");
        positive(breakerOpenFor, "breakerOpenFor");
        if (breakerFailureRate < 1 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breakerFailureRate must be a percentage from 1 to 100");
        }
        if (breakerWindow < 2) {
            throw new IllegalArgumentException("breakerWindow must be at least 2 commands");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
