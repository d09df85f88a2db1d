package io.latchkey.domain.model.abuse;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** At most {@code limit} attempts per {@code window} for one key of a scope, e.g. logins per IP per minute. */
public record RateLimit(String scope, int limit, Duration window) {

    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public RateLimit {
        Objects.requireNonNull(scope, "scope");
        if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("scope must be a short lower-case slug: " + scope);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** The same scope and window with a smaller allowance, never below one. */
    public RateLimit dividedBy(int divisor) {
        return new RateLimit(scope, Math.max(1, limit / divisor), window);
    }
}
