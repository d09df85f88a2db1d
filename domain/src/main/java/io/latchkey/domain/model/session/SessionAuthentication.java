package io.latchkey.domain.model.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How and when a session's user last proved who they are: the methods ({@code amr}), the time of the latest
 * authentication ({@code auth_time}) and, for a federated sign-in, the identity provider. {@link AuthMethod#MFA}
 * is derived: present exactly when the methods span two distinct kinds of factor.
 */
public record SessionAuthentication(Set<AuthMethod> methods, Instant authTime, @Nullable String identityProvider) {

    public SessionAuthentication {
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(authTime, "authTime");
        EnumSet<AuthMethod> normalized = EnumSet.noneOf(AuthMethod.class);
        normalized.addAll(methods);
        normalized.remove(AuthMethod.MFA);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("at least one authentication method");
        }
        if (normalized.contains(AuthMethod.FED) != (identityProvider != null)) {
            throw new IllegalArgumentException("an identity provider exactly when the method is fed");
        }
        // A federated sign-in says nothing about which factors the provider checked, and a password is knowledge
        // like most provider logins: mfa needs a possession factor beside a password or a federated sign-in.
        if (normalized.stream().anyMatch(AuthMethod::isPossession)
                && normalized.stream().anyMatch(method -> !method.isPossession())) {
            normalized.add(AuthMethod.MFA);
        }
        methods = Set.copyOf(normalized);
    }

    public static SessionAuthentication of(Collection<AuthMethod> methods, Instant authTime) {
        return new SessionAuthentication(Set.copyOf(methods), authTime, null);
    }

    public static SessionAuthentication password(Instant authTime) {
        return of(Set.of(AuthMethod.PWD), authTime);
    }

    public static SessionAuthentication federated(String identityProvider, Instant authTime) {
        return new SessionAuthentication(Set.of(AuthMethod.FED), authTime, Objects.requireNonNull(identityProvider));
    }

    /**
     * Step-up: the user authenticated again at {@code at} with {@code presented}; the session keeps what it had
     * and gains these methods, and its authentication time moves to {@code at}.
     */
    public SessionAuthentication reauthenticated(Collection<AuthMethod> presented, Instant at) {
        EnumSet<AuthMethod> merged = EnumSet.noneOf(AuthMethod.class);
        merged.addAll(methods);
        merged.addAll(presented);
        Instant latest = at.isAfter(authTime) ? at : authTime;
        return new SessionAuthentication(merged, latest, identityProvider);
    }

    /** Whether the latest authentication happened no longer than {@code maxAge} before {@code now}. */
    public boolean isRecent(Instant now, Duration maxAge) {
        return !authTime.isBefore(now.minus(maxAge));
    }

    public boolean includesPossessionFactor() {
        return methods.stream().anyMatch(AuthMethod::isPossession);
    }

    /** The {@code amr} claim: wire values in a stable order. */
    public List<String> amr() {
        return methods.stream().sorted(Comparator.naturalOrder()).map(AuthMethod::wireValue).toList();
    }
}
