package io.latchkey.domain.model.console;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One browser's console session, kept server-side under a random id the browser holds in a cookie. Before sign-in
 * it carries only the CSRF token (and, between the password and the second factor, the MFA token); after sign-in
 * the administrator and the Latchkey session it is bound to, whose revocation ends it.
 */
public record ConsoleSession(String csrfToken, @Nullable UserId userId, @Nullable SessionId sessionId,
        @Nullable String mfaToken) {

    public ConsoleSession {
        Objects.requireNonNull(csrfToken, "csrfToken");
        if ((userId == null) != (sessionId == null)) {
            throw new IllegalArgumentException("a signed-in console session names both the user and the session");
        }
    }

    public static ConsoleSession anonymous(String csrfToken) {
        return new ConsoleSession(csrfToken, null, null, null);
    }

    public static ConsoleSession awaitingSecondFactor(String csrfToken, String mfaToken) {
        return new ConsoleSession(csrfToken, null, null, Objects.requireNonNull(mfaToken, "mfaToken"));
    }

    public static ConsoleSession signedIn(String csrfToken, UserId userId, SessionId sessionId) {
        return new ConsoleSession(csrfToken, userId, sessionId, null);
    }

    public boolean isSignedIn() {
        return userId != null;
    }

    @Override
    public String toString() {
        return "ConsoleSession[userId=" + userId + ", sessionId=" + sessionId + "]";
    }
}
