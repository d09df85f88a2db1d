package io.latchkey.bootstrap.config;

import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.RateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code latchkey.rate-limits.*}. Each limit is {@code <attempts>/<window>}, e.g. {@code login-per-ip: 30/1m};
 * those not given keep the defaults below. While Redis is down, each instance enforces its limits divided by
 * {@code fallback-divisor}. {@code enabled: false} exists for load tests only and logs a warning.
 */
@ConfigurationProperties("latchkey.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int fallbackDivisor,
        @DefaultValue("100000") long localMaxKeys,
        Map<String, String> limits) {

    static final Map<String, String> DEFAULTS = defaults();

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        for (String name : limits.keySet()) {
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown rate limit latchkey.rate-limits.limits." + name
                        + "; known: " + DEFAULTS.keySet());
            }
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("login-per-ip", "30/1m");
        defaults.put("login-per-account", "5/1m");
        defaults.put("register-per-ip", "20/1h");
        defaults.put("register-per-account", "3/1h");
        defaults.put("verify-per-ip", "30/10m");
        // Per day: a new code resets the five-guess allowance, so this is what bounds guessing an address's codes.
        defaults.put("verify-per-account", "20/1d");
        defaults.put("resend-per-ip", "10/10m");
        defaults.put("resend-per-account", "1/60s");
        defaults.put("reset-per-ip", "10/10m");
        defaults.put("reset-per-account", "3/15m");
        defaults.put("reset-confirm-per-ip", "20/10m");
        // Failed refreshes only: a client with a good token is never slowed down by this one.
        defaults.put("refresh-failures-per-ip", "30/1m");
        // Federated sign-in: starting a flow at a provider, and redeeming a code or a native ID token.
        defaults.put("federation-start-per-ip", "30/1m");
        defaults.put("federation-token-per-ip", "30/1m");
        return Map.copyOf(defaults);
    }

    AbuseLimits toLimits() {
        return new AbuseLimits(limit("login-per-ip"), limit("login-per-account"), limit("register-per-ip"),
                limit("register-per-account"), limit("verify-per-ip"), limit("verify-per-account"), limit("resend-per-ip"),
                limit("resend-per-account"), limit("reset-per-ip"), limit("reset-per-account"),
                limit("reset-confirm-per-ip"), limit("refresh-failures-per-ip"));
    }

    RateLimit limit(String name) {
        String spec = limits.getOrDefault(name, DEFAULTS.get(name));
        int slash = spec.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("latchkey.rate-limits.limits." + name + " must look like 30/1m: " + spec);
        }
        int attempts = Integer.parseInt(spec.substring(0, slash).strip());
        Duration window = DurationStyle.detectAndParse(spec.substring(slash + 1).strip());
        return new RateLimit(name, attempts, window);
    }
}
