package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in that passed its first factor and waits for the second: who, at which account epoch (a reset or
 * logout-all meanwhile voids it), how the first factor was passed, and the known device the client showed.
 */
public record MfaChallenge(UserId userId, long authEpoch, Set<AuthMethod> firstMethods,
        @Nullable String identityProvider, @Nullable UUID device) {

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
