package io.latchkey.domain.model.user;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How accounts are verified and recovered: whether login needs a verified email, how long a mailed code or
 * reset token lives, how many wrong codes burn one, and the page a reset link points at (none: token only).
 */
public record AccountPolicy(
        boolean loginRequiresVerifiedEmail,
        Duration verificationCodeTtl,
        int maxCodeAttempts,
        Duration resetTokenTtl,
        @Nullable String resetLinkBase) {

    public AccountPolicy {
        Objects.requireNonNull(verificationCodeTtl, "verificationCodeTtl");
        Objects.requireNonNull(resetTokenTtl, "resetTokenTtl");
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("maxCodeAttempts must be positive");
        }
        if (verificationCodeTtl.isNegative() || verificationCodeTtl.isZero() || resetTokenTtl.isNegative()
                || resetTokenTtl.isZero()) {
            throw new IllegalArgumentException("TTLs must be positive");
        }
    }
}
