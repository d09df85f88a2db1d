package io.latchkey.domain.model.session;

import java.util.Objects;

/** A refresh token a client presented, resolved to its session and the generation it was issued for. */
public record PresentedRefreshToken(Session session, long generation) {

    public PresentedRefreshToken {
        Objects.requireNonNull(session, "session");
    }

    public boolean isCurrent() {
        return generation == session.generation();
    }
}
