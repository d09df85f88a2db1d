package io.latchkey.resourceserver.revocation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides, after signature validation, whether a bearer token may go on: a token the revocation set denies is
 * refused whatever else holds; otherwise it goes on only while the set can be trusted (stream caught up, heartbeats
 * fresh, nothing dropped for room). When it cannot be trusted the answer is the fallback, never an accept.
 * Tokens without the claims the set is keyed on ({@code sub}, {@code sid}, {@code epoch}) get the fallback too.
 */
public final class RevocationGate {

    /** What to do with a request's bearer token. */
    public enum Decision {
        /** Go on to signature and claim validation. */
        PROCEED,
        /** Refuse with 401: the token's session or account epoch was revoked. */
        REVOKED,
        /** Ask the issuer (RFC 7662) whether it is active. */
        INTROSPECT,
        /** Refuse with 503: revocation state unknown. */
        UNAVAILABLE
    }

    private final RevocationStore store;
    private final RevocationStream stream;
    private final boolean introspectWhenStale;
    private final InstantSource clock;

    public RevocationGate(RevocationStore store, RevocationStream stream, boolean introspectWhenStale,
            InstantSource clock) {
        this.store = store;
        this.stream = stream;
        this.introspectWhenStale = introspectWhenStale;
        this.clock = clock;
    }

    /**
     * Decides on the claims of a token whose signature and claims Spring Security's decoder has already validated
     * (so a forged token never reaches the revocation set or introspection). A token without {@code sub},
     * {@code sid} or an integral {@code epoch} cannot be checked against the set: it gets the fallback, never an
     * accept on the signature alone.
     */
    public Decision decide(Map<String, Object> claims) {
        Instant now = clock.instant();
        String sessionId = text(claims.get("sid"));
        String userId = text(claims.get("sub"));
        Long epoch = integral(claims.get("epoch"));
        if (sessionId == null || userId == null || epoch == null) {
            return fallback();
        }
        if (store.isRevoked(sessionId, userId, epoch, now)) {
            return Decision.REVOKED;
        }
        if (trusted(now)) {
            return Decision.PROCEED;
        }
        return fallback();
    }

    private Decision fallback() {
        return introspectWhenStale ? Decision.INTROSPECT : Decision.UNAVAILABLE;
    }

    /** An integral number (a JSON integer), or null. */
    public static @Nullable Long integral(@Nullable Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                ? ((Number) value).longValue() : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** Whether the revocation set is complete enough to decide on now. */
    public boolean trusted(Instant now) {
        return stream.caughtUp() && stream.fresh(now) && !store.overflowing(now);
    }

}
