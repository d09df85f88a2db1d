package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.user.User;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The second-factor settings: how recent an authentication must be for a sensitive change (step-up), whether
 * administrators must have signed in with two factors for their role to count, how long an MFA challenge lives and
 * how many wrong codes it takes, and the issuer name authenticator apps show.
 */
public record MfaPolicy(Duration stepUpMaxAge, boolean requiredForAdmins, Duration challengeTtl, int challengeAttempts,
        String totpIssuer) {

    public static final MfaPolicy DEFAULTS = new MfaPolicy(Duration.ofMinutes(5), false, Duration.ofMinutes(5), 5,
            "Latchkey");
    /** Steps either side of now whose codes are accepted (RFC 6238 §5.2 recommends at most one). */
    public static final int TOTP_DRIFT_STEPS = 1;

    /**
     * The roles a session's tokens carry: with {@link #requiredForAdmins}, ADMIN only when the session's {@code amr}
     * has {@code mfa}, so resource servers that read the token or its introspection see the same rule as Latchkey.
     */
    public Set<String> effectiveRoles(Set<String> roles, Collection<String> amr) {
        if (requiredForAdmins && roles.contains(User.ROLE_ADMIN) && !amr.contains(AuthMethod.MFA.wireValue())) {
            Set<String> kept = new HashSet<>(roles);
            kept.remove(User.ROLE_ADMIN);
            return Set.copyOf(kept);
        }
        return roles;
    }

    public MfaPolicy {
        Objects.requireNonNull(stepUpMaxAge, "stepUpMaxAge");
        Objects.requireNonNull(challengeTtl, "challengeTtl");
        Objects.requireNonNull(totpIssuer, "totpIssuer");
        if (stepUpMaxAge.isNegative() || stepUpMaxAge.isZero() || challengeTtl.isNegative() || challengeTtl.isZero()) {
            throw new IllegalArgumentException("step-up age and challenge lifetime must be positive");
        }
        if (challengeAttempts < 1) {
            throw new IllegalArgumentException("a challenge allows at least one attempt");
        }
    }
}
