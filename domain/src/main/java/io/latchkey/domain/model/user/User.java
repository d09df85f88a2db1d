package io.latchkey.domain.model.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account. {@code authEpoch} is the not-before counter of Keycloak fame: raising it invalidates
 * every access token issued with a lower epoch.
 */
public record User(
        UserId id,
        Email email,
        PasswordHash passwordHash,
        PersonName name,
        UserStatus status,
        Set<String> roles,
        boolean emailVerified,
        long authEpoch,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ROLE_USER = "USER";
    public static final String ROLE_ADMIN = "ADMIN";

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static User register(UserId id, Email email, PasswordHash hash, PersonName name, Instant now) {
        return new User(id, email, hash, name, UserStatus.ACTIVE, Set.of(ROLE_USER), false, 0, now, now);
    }

    public boolean canAuthenticate() {
        return status == UserStatus.ACTIVE;
    }

    public UserProfile profile() {
        return new UserProfile(id, email, name, emailVerified, roles, createdAt);
    }
}
