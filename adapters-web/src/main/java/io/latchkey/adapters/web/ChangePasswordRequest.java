package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.ChangePasswordCommand;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/me/password} body; other sessions end unless {@code revoke_other_sessions} is false. */
record ChangePasswordRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password")
        @JsonProperty("current_password") @Nullable String currentPassword,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", minLength = 8, maxLength = 128)
        @JsonProperty("new_password") @Nullable String newPassword,
        @Schema(defaultValue = "true", description = "false keeps the other sessions")
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
