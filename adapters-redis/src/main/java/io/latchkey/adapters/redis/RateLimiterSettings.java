package io.latchkey.adapters.redis;

/**
 * The per-instance fallback limiter: how much stricter it is than the shared limits (each limit divided by
 * {@code fallbackDivisor}) and how many keys it remembers.
 */
public record RateLimiterSettings(int fallbackDivisor, long localMaxKeys) {

    public RateLimiterSettings {
        if (fallbackDivisor < 1 || localMaxKeys < 1) {
            throw new IllegalArgumentException("fallbackDivisor and localMaxKeys must be positive");
        }
    }
}
