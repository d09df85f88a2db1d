package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A second factor became active on the account ({@code method}: {@code totp}). */
public record UserMfaEnabled(UUID eventId, UserId userId, Instant occurredAt, String method) implements AuthEvent {

    public UserMfaEnabled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public String type() {
        return "user.mfa_enabled";
    }
}
