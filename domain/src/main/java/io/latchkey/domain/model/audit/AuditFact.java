package io.latchkey.domain.model.audit;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the service knows about a fact when it records it; the audit store adds the request's {@link RequestOrigin}
 * (address, user agent, acting administrator) to make the {@link AuditEntry}.
 */
public record AuditFact(UUID id, Instant occurredAt, String type, @Nullable UserId userId, @Nullable UserId actorId,
        @Nullable SessionId sessionId, Map<String, Object> detail) {

    public AuditFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        detail = Map.copyOf(detail);
    }
}
