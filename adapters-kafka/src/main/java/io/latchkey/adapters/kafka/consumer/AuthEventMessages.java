package io.latchkey.adapters.kafka.consumer;

import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the v1 wire body (docs/asyncapi.yaml) into what caches must forget. Unknown event types are valid
 * and ask for nothing, so producers may add types without breaking this consumer.
 */
final class AuthEventMessages {

    /** Revocations that end every session of the account, or change what its snapshot says. */
    private static final Set<String> WHOLE_USER_REASONS = Set.of("logout_all", "password_changed", "admin", "account_deleted");
    private static final String PREFIX = "io.latchkey.";
    static final String HEARTBEAT = PREFIX + "relay.heartbeat";

    record Parsed(EvictUserAuthStateCommand command, String type, Instant occurredAt) {
    }

    private AuthEventMessages() {
    }

    /** The relay's heartbeats (no user, nothing to purge) are for subscribers that watch the stream's freshness. */
    static boolean isHeartbeat(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record) {
        org.apache.kafka.common.header.Header type = record.headers().lastHeader("ce_type");
        return type != null && HEARTBEAT.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    static Parsed parse(JsonMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedAuthEventException("not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAuthEventException("not a JSON object");
        }
        try {
            UUID eventId = UUID.fromString(text(root, "event_id"));
            UserId userId = UserId.parse(text(root, "user_id"));
            String type = text(root, "type");
            Instant occurredAt = Instant.parse(text(root, "occurred_at"));
            List<SessionId> sessions = new ArrayList<>();
            JsonNode ids = root.get("session_ids");
            if (ids != null && ids.isArray()) {
                for (JsonNode id : ids) {
                    sessions.add(SessionId.parse(id.asString()));
                }
            }
            return new Parsed(command(eventId, userId, type, root, sessions), type, occurredAt);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedAuthEventException("invalid field: " + e.getMessage(), e);
        }
    }

    private static EvictUserAuthStateCommand command(UUID eventId, UserId userId, String type, JsonNode root,
            List<SessionId> sessions) {
        return switch (type) {
            case PREFIX + "session.revoked" -> {
                JsonNode reason = root.get("reason");
                boolean wholeUser = reason != null && WHOLE_USER_REASONS.contains(reason.asString());
                JsonNode validUntil = root.get("access_tokens_valid_until");
                Instant tokensValidUntil = validUntil != null && validUntil.isString() ? Instant.parse(validUntil.asString())
                        : null;
                yield new EvictUserAuthStateCommand(eventId, userId, wholeUser ? List.of() : sessions, wholeUser,
                        tokensValidUntil == null ? List.of() : sessions, tokensValidUntil);
            }
            case PREFIX + "user.updated", PREFIX + "user.password_changed", PREFIX + "user.deleted",
                    PREFIX + "user.email_verified" -> new EvictUserAuthStateCommand(eventId, userId, List.of(), true);
            default -> new EvictUserAuthStateCommand(eventId, userId, List.of(), false);
        };
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedAuthEventException("missing " + field);
        }
        return node.asString();
    }
}
