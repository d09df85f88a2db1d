package io.latchkey.domain.model.audit;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded security fact. {@code type} is an event type ({@code session.started}, …) or one of
 * {@link AuditTypes}; {@code userId} is the account it concerns (absent for an address without an account),
 * {@code actorId} the administrator who acted on that account (absent when the account's owner or the service
 * itself acted), {@code ipAddress} and {@code userAgent} those of the request that caused it (absent for background
 * work). {@code detail} holds small, non-secret values only (reasons, methods, changed field names).
 */
public record AuditEntry(UUID id, Instant occurredAt, String type, @Nullable UserId userId, @Nullable UserId actorId,
        @Nullable SessionId sessionId, @Nullable String ipAddress, @Nullable String userAgent,
        Map<String, Object> detail) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        detail = Map.copyOf(detail);
    }
}
