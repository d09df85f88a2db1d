package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.OneTimeSecrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Six uniformly drawn digits for codes, 256 random bits (base64url) for reset tokens. */
@Component
class SecureRandomOneTimeSecrets implements OneTimeSecrets {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public VerificationCode newVerificationCode() {
        return new VerificationCode(String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)));
    }

    @Override
    public PasswordResetToken newPasswordResetToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new PasswordResetToken(BASE64URL.encodeToString(bytes));
    }
}
