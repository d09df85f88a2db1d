package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/** One entry of the device list. */
public record SessionSummary(SessionId id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, ClientInfo client,
        boolean current) {

    public SessionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(client, "client");
    }
}
