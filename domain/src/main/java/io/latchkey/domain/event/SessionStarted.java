package io.latchkey.domain.event;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A sign-in succeeded and opened a session, authenticated by {@code methods} (and {@code identityProvider} when federated). */
public record SessionStarted(UUID eventId, UserId userId, Instant occurredAt, SessionId sessionId,
        Set<AuthMethod> methods, @Nullable String identityProvider) implements AuthEvent {

    public SessionStarted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sessionId, "sessionId");
        methods = Set.copyOf(methods);
    }

    public static SessionStarted of(UUID eventId, UserId userId, Instant occurredAt, SessionId sessionId,
            SessionAuthentication authentication) {
        return new SessionStarted(eventId, userId, occurredAt, sessionId, authentication.methods(),
                authentication.identityProvider());
    }

    @Override
    public String type() {
        return "session.started";
    }
}
