package io.latchkey.domain.model.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** What an account owner sees of their account; never holds the password hash. */
public record UserProfile(
        UserId id, Email email, PersonName name, boolean emailVerified, Set<String> roles, Instant createdAt) {

    public UserProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
