package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A second factor was removed ({@code method}: {@code totp}, or {@code all} when an administrator reset every
 * factor); {@code reason} is {@code user} or {@code admin_reset}; {@code actorId} is the administrator who reset
 * them (null when the owner did it).
 */
public record UserMfaDisabled(UUID eventId, UserId userId, Instant occurredAt, String method, String reason,
        @Nullable UserId actorId) implements AuthEvent {

    public static final String BY_USER = "user";
    public static final String BY_ADMIN = "admin_reset";

    public UserMfaDisabled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return "user.mfa_disabled";
    }
}
