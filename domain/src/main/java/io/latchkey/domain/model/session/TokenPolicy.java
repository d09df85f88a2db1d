package io.latchkey.domain.model.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes: access tokens, refresh idle timeout, the absolute session lifetime that rotation can never
 * extend, and the grace window in which a retry with the previous refresh token gets the same successor.
 */
public record TokenPolicy(Duration accessTokenTtl, Duration refreshIdleTtl, Duration sessionAbsoluteTtl, Duration reuseGrace) {

    public static final TokenPolicy DEFAULTS =
            new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofDays(30), Duration.ofSeconds(10));

    public TokenPolicy {
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshIdleTtl, "refreshIdleTtl");
        requirePositive(sessionAbsoluteTtl, "sessionAbsoluteTtl");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
        if (reuseGrace.isNegative()) {
            throw new IllegalArgumentException("reuseGrace must not be negative");
        }
        if (refreshIdleTtl.compareTo(sessionAbsoluteTtl) > 0) {
            throw new IllegalArgumentException("refreshIdleTtl must not exceed sessionAbsoluteTtl");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
