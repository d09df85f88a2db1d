package io.latchkey.domain.model.session;

import io.latchkey.domain.model.user.User;
import java.util.Objects;

/**
 * A refresh token a client presented, resolved to its session, the generation it was issued for, and the session's
 * owner as the same read found them (the owner is what the new access token is issued for).
 */
public record PresentedRefreshToken(Session session, long generation, User owner) {

    public PresentedRefreshToken {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(owner, "owner");
        if (!owner.id().equals(session.userId())) {
            throw new IllegalArgumentException("the owner must be the session's user");
        }
    }

    public boolean isCurrent() {
        return generation == session.generation();
    }
}
