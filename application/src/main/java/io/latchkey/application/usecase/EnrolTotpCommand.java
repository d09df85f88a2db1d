package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The caller starting a TOTP enrolment. */
public record EnrolTotpCommand(UserId userId, SessionId sessionId) {

    public EnrolTotpCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
