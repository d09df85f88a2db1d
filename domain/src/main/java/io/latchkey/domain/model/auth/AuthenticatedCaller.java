package io.latchkey.domain.model.auth;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import java.util.Set;

/** Who an authenticated request is from, after the token and its session were both checked. */
public record AuthenticatedCaller(UserId userId, SessionId sessionId, Set<String> roles, boolean emailVerified) {

    public AuthenticatedCaller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
    }
}
