package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.ChangePasswordCommand;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/me/password} body; other sessions end unless {@code revoke_other_sessions} is false. */
record ChangePasswordRequest(
        @JsonProperty("current_password") @Nullable String currentPassword,
        @JsonProperty("new_password") @Nullable String newPassword,
        @JsonProperty("revoke_other_sessions") @Nullable Boolean revokeOtherSessions) {

    ChangePasswordCommand toCommand(UserId userId, SessionId sessionId) {
        return new ChangePasswordCommand(userId, sessionId, currentPassword, newPassword,
                !Boolean.FALSE.equals(revokeOtherSessions));
    }

    @Override
    public String toString() {
        return "ChangePasswordRequest[***]";
    }
}
