package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.OneTimeSecrets;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable secrets: codes 100000, 100001, … and reset tokens reset-token-1, -2, …. */
public final class FakeOneTimeSecrets implements OneTimeSecrets {

    private final AtomicInteger codes = new AtomicInteger(100_000);
    private final AtomicInteger tokens = new AtomicInteger();

    @Override
    public VerificationCode newVerificationCode() {
        return new VerificationCode(Integer.toString(codes.getAndIncrement()));
    }

    @Override
    public PasswordResetToken newPasswordResetToken() {
        return new PasswordResetToken("reset-token-" + tokens.incrementAndGet());
    }
}
