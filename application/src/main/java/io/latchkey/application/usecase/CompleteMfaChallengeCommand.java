package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.session.ClientInfo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The MFA token from the login answer, and one second factor: a TOTP code, a recovery code or a passkey assertion. */
public record CompleteMfaChallengeCommand(@Nullable String mfaToken, @Nullable String code, @Nullable String recoveryCode,
        @Nullable PasskeyAssertion passkey, ClientInfo client) {

    public CompleteMfaChallengeCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "CompleteMfaChallengeCommand[***]";
    }
}
