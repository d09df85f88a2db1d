package io.latchkey.adapters.web.console;

import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The signed-in administrator of a console request, after the filter checked its Latchkey session and role. */
record ConsoleCaller(String consoleId, UserId userId, SessionId sessionId, String csrfToken) {

    ConsoleCaller {
        Objects.requireNonNull(consoleId, "consoleId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    static ConsoleCaller of(String consoleId, ConsoleSession session) {
        return new ConsoleCaller(consoleId, Objects.requireNonNull(session.userId()),
                Objects.requireNonNull(session.sessionId()), session.csrfToken());
    }
}
