package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in that passed its first factor and waits for the second: who, at which account epoch (a reset or
 * logout-all meanwhile voids it), how the first factor was passed, the known device the client showed and, when the
 * first factor was the password, a fingerprint of the password hash it was checked against (a password change
 * meanwhile voids it, though it keeps the epoch).
 */
public record MfaChallenge(UserId userId, long authEpoch, Set<AuthMethod> firstMethods,
        @Nullable String identityProvider, @Nullable UUID device, @Nullable String passwordFingerprint) {

    /** A one-way fingerprint of a stored password hash: equal exactly when the password is unchanged. */
    public static String fingerprint(PasswordHash hash) {
        return Sha256.hex(hash.encoded());
    }

    /** Whether {@code current} is still the password this challenge's first factor was checked against. */
    public boolean passwordUnchanged(PasswordHash current) {
        return passwordFingerprint == null || passwordFingerprint.equals(fingerprint(current));
    }

    public MfaChallenge {
        Objects.requireNonNull(userId, "userId");
        firstMethods = Set.copyOf(firstMethods);
        if (firstMethods.isEmpty()) {
            throw new IllegalArgumentException("a first factor");
        }
    }

    /** The session's authentication once {@code second} was presented at {@code now}. */
    public SessionAuthentication completedWith(AuthMethod second, Instant now) {
        EnumSet<AuthMethod> methods = EnumSet.copyOf(firstMethods);
        methods.add(second);
        return new SessionAuthentication(methods, now, identityProvider);
    }
}
