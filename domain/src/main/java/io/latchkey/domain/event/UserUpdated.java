package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Something subscribers may have cached about the account changed: {@code changes} names what ("name", "status"). */
public record UserUpdated(UUID eventId, UserId userId, Instant occurredAt, List<String> changes) implements AuthEvent {

    public UserUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        changes = List.copyOf(changes);
    }

    @Override
    public String type() {
        return "user.updated";
    }
}
