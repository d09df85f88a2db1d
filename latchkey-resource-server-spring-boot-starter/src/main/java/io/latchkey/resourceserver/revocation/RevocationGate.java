package io.latchkey.resourceserver.revocation;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.InstantSource;
import java.time.Instant;

/**
 * Decides, before signature validation, whether a bearer token may go on: a token the revocation set denies is
 * refused whatever else holds; otherwise it goes on only while the set can be trusted (stream caught up, heartbeats
 * fresh, nothing dropped for room). When it cannot be trusted the answer is the fallback, never an accept.
 * Tokens that are not Latchkey access tokens are left to the signature check, which refuses them.
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

    public Decision decide(String bearerToken) {
        JWTClaimsSet claims;
        try {
            claims = SignedJWT.parse(bearerToken).getJWTClaimsSet();
        } catch (ParseException e) {
            return Decision.PROCEED;
        }
        Instant now = clock.instant();
        String sessionId = stringClaim(claims, "sid");
        String userId = claims.getSubject();
        Object epochClaim = claims.getClaim("epoch");
        if (sessionId == null || userId == null || !(epochClaim instanceof Number epoch)) {
            return Decision.PROCEED;
        }
        if (store.isRevoked(sessionId, userId, epoch.longValue(), now)) {
            return Decision.REVOKED;
        }
        if (trusted(now)) {
            return Decision.PROCEED;
        }
        return introspectWhenStale ? Decision.INTROSPECT : Decision.UNAVAILABLE;
    }

    /** Whether the revocation set is complete enough to decide on now. */
    public boolean trusted(Instant now) {
        return stream.caughtUp() && stream.fresh(now) && !store.overflowing(now);
    }

    private static @org.jspecify.annotations.Nullable String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }
}
