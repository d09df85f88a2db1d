package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.event.UserMfaDisabled;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit fact of an event: its type, account and session, and as detail the event's wire body without what
 * the row already holds. The wire body carries no secret (ids, reasons, methods, field names), so neither does this.
 */
final class AuditFacts {

    private static final Set<String> IN_COLUMNS = Set.of("event_id", "type", "schema_version", "user_id", "occurred_at");

    private AuditFacts() {
    }

    static AuditFact of(AuthEvent event, UUID id) {
        Map<String, Object> detail = new LinkedHashMap<>(EventPayloads.of(event));
        detail.keySet().removeAll(IN_COLUMNS);
        // An absent optional field is left out rather than failing the caller's transaction.
        detail.values().removeIf(Objects::isNull);
        SessionId session = sessionOf(event);
        if (session != null) {
            detail.remove("session_ids");
        }
        detail.put("event_id", event.eventId().toString());
        return new AuditFact(id, event.occurredAt(), event.type(), event.userId(), actorOf(event), session, detail);
    }

    private static @Nullable SessionId sessionOf(AuthEvent event) {
        return switch (event) {
            case SessionStarted e -> e.sessionId();
            case TokenRotated e -> e.sessionId();
            case SessionRevoked e -> e.sessionIds().size() == 1 ? e.sessionIds().getFirst() : null;
            default -> null;
        };
    }

    private static @Nullable UserId actorOf(AuthEvent event) {
        return event instanceof UserMfaDisabled e ? e.actorId() : null;
    }
}
