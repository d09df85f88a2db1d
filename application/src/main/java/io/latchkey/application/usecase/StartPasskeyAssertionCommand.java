package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an assertion is for: a passwordless sign-in (nothing else), the second factor of a sign-in (its
 * {@code mfaToken}) or a step-up (the signed-in {@code userId}).
 */
public record StartPasskeyAssertionCommand(PasskeyPurpose purpose, @Nullable UserId userId, @Nullable String mfaToken,
        ClientInfo client) {

    public StartPasskeyAssertionCommand {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(client, "client");
        if (purpose == PasskeyPurpose.REGISTRATION) {
            throw new IllegalArgumentException("a registration is started by StartPasskeyRegistrationUseCase");
        }
    }

    @Override
    public String toString() {
        return "StartPasskeyAssertionCommand[" + purpose + "]";
    }
}
