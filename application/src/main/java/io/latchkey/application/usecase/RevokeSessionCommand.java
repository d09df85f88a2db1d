package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/**
 * The account and the session of it to end, and why: {@code LOGOUT} when the account ends its own session,
 * {@code ADMIN} when an administrator does (the console), so the audit and the event say who ended it.
 */
public record RevokeSessionCommand(UserId userId, SessionId sessionId, RevocationReason reason) {

    public RevokeSessionCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(reason, "reason");
    }

    /** The caller ending one of their own sessions. */
    public RevokeSessionCommand(UserId userId, SessionId sessionId) {
        this(userId, sessionId, RevocationReason.LOGOUT);
    }

    /** An administrator ending one session of the account. */
    public static RevokeSessionCommand byAdministrator(UserId userId, SessionId sessionId) {
        return new RevokeSessionCommand(userId, sessionId, RevocationReason.ADMIN);
    }
}
