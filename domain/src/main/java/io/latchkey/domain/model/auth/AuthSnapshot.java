package io.latchkey.domain.model.auth;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The cached answer to "is this session still good?": what the per-user Redis cache and the near cache
 * hold for one session. Roles are the account's current ones, not the token's.
 */
public record AuthSnapshot(
        UserId userId, SessionId sessionId, Set<String> roles, boolean emailVerified, long userEpoch, Instant expiresAt) {

    public AuthSnapshot {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether a token with these claims is still admitted by this session at {@code now}. */
    public boolean admits(AccessTokenClaims claims, Instant now) {
        return claims.subject().equals(userId)
                && claims.sessionId().equals(sessionId)
                && claims.epoch() >= userEpoch
                && now.isBefore(expiresAt);
    }

    public AuthenticatedCaller caller() {
        return new AuthenticatedCaller(userId, sessionId, roles, emailVerified);
    }
}
