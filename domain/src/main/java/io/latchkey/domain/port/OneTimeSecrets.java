package io.latchkey.domain.port;

import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.verification.VerificationCode;

/** Makes the secrets sent by mail, from a cryptographically strong source. */
public interface OneTimeSecrets {

    VerificationCode newVerificationCode();

    PasswordResetToken newPasswordResetToken();
}
