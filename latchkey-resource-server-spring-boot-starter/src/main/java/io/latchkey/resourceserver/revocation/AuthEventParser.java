package io.latchkey.resourceserver.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the v1 JSON body of Latchkey's auth events (docs/events.md, "The contract a resource server relies on").
 * Only {@code io.latchkey.session.revoked} and {@code io.latchkey.relay.heartbeat} matter here; every other type,
 * known or added later, is {@link AuthEventRecord.Ignored}, and unknown fields are ignored.
 */
public final class AuthEventParser {

    public static final String SESSION_REVOKED = "io.latchkey.session.revoked";
    public static final String HEARTBEAT = "io.latchkey.relay.heartbeat";

    private final JsonMapper json;
    private final Duration maxTokenLifetime;

    public AuthEventParser(JsonMapper json, Duration maxTokenLifetime) {
        this.json = json;
        this.maxTokenLifetime = maxTokenLifetime;
    }

    public AuthEventRecord parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return new AuthEventRecord.Unreadable("not JSON");
        }
        if (root == null || !root.isObject()) {
            return new AuthEventRecord.Unreadable("not a JSON object");
        }
        String type = text(root, "type");
        if (type == null) {
            return new AuthEventRecord.Unreadable("no type");
        }
        try {
            return switch (type) {
                case HEARTBEAT -> heartbeat(root);
                case SESSION_REVOKED -> revocation(root);
                default -> new AuthEventRecord.Ignored(type);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return new AuthEventRecord.Unreadable(type + ": " + e.getMessage(), SESSION_REVOKED.equals(type));
        }
    }

    private static AuthEventRecord heartbeat(JsonNode root) {
        String emittedAt = required(root, "emitted_at");
        return new AuthEventRecord.Heartbeat(Instant.parse(emittedAt));
    }

    private AuthEventRecord revocation(JsonNode root) {
        String userId = required(root, "user_id");
        Instant occurredAt = Instant.parse(required(root, "occurred_at"));
        List<String> sessions = new ArrayList<>();
        JsonNode ids = root.get("session_ids");
        if (ids != null && ids.isArray()) {
            for (JsonNode id : ids) {
                if (!id.isString() || id.asString().isBlank()) {
                    throw new IllegalArgumentException("session_ids holds a non-string");
                }
                sessions.add(id.asString());
            }
        }
        JsonNode epochNode = root.get("account_epoch");
        if (epochNode != null && !epochNode.isNull() && !(epochNode.isIntegralNumber() && epochNode.canConvertToLong())) {
            throw new IllegalArgumentException("account_epoch is not an integer");
        }
        Long epoch = epochNode != null && !epochNode.isNull() ? epochNode.asLong() : null;
        String validUntil = text(root, "access_tokens_valid_until");
        // Older producers may omit it; no token issued before the event outlives occurred_at + the longest lifetime.
        Instant until = validUntil != null ? Instant.parse(validUntil) : occurredAt.plus(maxTokenLifetime);
        return new AuthEventRecord.Revocation(userId, sessions, epoch, until);
    }

    private static String required(JsonNode root, String field) {
        String value = text(root, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static @org.jspecify.annotations.Nullable String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
