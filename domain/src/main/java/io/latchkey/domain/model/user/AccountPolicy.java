package io.latchkey.domain.model.user;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How accounts are verified and recovered: whether login needs a verified email, how long a mailed code or
 * reset token lives, how many wrong codes burn one, the page a reset link points at (none: token only), and how
 * long a device token keeps a client known to the lockout.
 */
public record AccountPolicy(
        boolean loginRequiresVerifiedEmail,
        Duration verificationCodeTtl,
        int maxCodeAttempts,
        Duration resetTokenTtl,
        @Nullable String resetLinkBase,
        Duration deviceTokenMaxAge) {

    /** Device tokens older than this are ignored: the client is treated as new until it logs in again. */
    public static final Duration DEFAULT_DEVICE_TOKEN_MAX_AGE = Duration.ofDays(90);

    public AccountPolicy(boolean loginRequiresVerifiedEmail, Duration verificationCodeTtl, int maxCodeAttempts,
            Duration resetTokenTtl, @Nullable String resetLinkBase) {
        this(loginRequiresVerifiedEmail, verificationCodeTtl, maxCodeAttempts, resetTokenTtl, resetLinkBase,
                DEFAULT_DEVICE_TOKEN_MAX_AGE);
    }

    public AccountPolicy {
        Objects.requireNonNull(verificationCodeTtl, "verificationCodeTtl");
        Objects.requireNonNull(resetTokenTtl, "resetTokenTtl");
        if (maxCodeAttempts < 1) {
            throw new IllegalArgumentException("maxCodeAttempts must be positive");
        }
        Objects.requireNonNull(deviceTokenMaxAge, "deviceTokenMaxAge");
        if (deviceTokenMaxAge.isNegative() || deviceTokenMaxAge.isZero()) {
            throw new IllegalArgumentException("deviceTokenMaxAge must be positive");
        }
        if (verificationCodeTtl.isNegative() || verificationCodeTtl.isZero() || resetTokenTtl.isNegative()
                || resetTokenTtl.isZero()) {
            throw new IllegalArgumentException("TTLs must be positive");
        }
    }
}
