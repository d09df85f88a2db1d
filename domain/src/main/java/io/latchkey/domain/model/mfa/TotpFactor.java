package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user's TOTP authenticator. Pending until the user confirmed one code ({@code confirmedAt}); {@code lastUsedStep}
 * is the latest time step whose code was accepted, so no code of it or an earlier step is accepted again.
 */
public record TotpFactor(UserId userId, SealedSecret secret, Instant createdAt, @Nullable Instant confirmedAt,
        long lastUsedStep) {

    public static final long NEVER_USED = -1;

    public TotpFactor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static TotpFactor pending(UserId userId, SealedSecret secret, Instant now) {
        return new TotpFactor(userId, secret, now, null, NEVER_USED);
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }
}
