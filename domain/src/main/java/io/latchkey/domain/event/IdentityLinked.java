package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An external identity of {@code provider} was linked to the account. */
public record IdentityLinked(UUID eventId, UserId userId, Instant occurredAt, String provider) implements AuthEvent {

    public IdentityLinked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(provider, "provider");
    }

    @Override
    public String type() {
        return "user.identity_linked";
    }
}
