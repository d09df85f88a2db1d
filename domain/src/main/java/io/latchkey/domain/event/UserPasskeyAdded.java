package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A passkey was registered on the account ({@code passkeyId}: its id in the API, not the WebAuthn credential id). */
public record UserPasskeyAdded(UUID eventId, UserId userId, Instant occurredAt, UUID passkeyId) implements AuthEvent {

    public UserPasskeyAdded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(passkeyId, "passkeyId");
    }

    @Override
    public String type() {
        return "user.passkey_added";
    }
}
