package io.latchkey.adapters.kafka.consumer;

import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.event.AuthEventBody;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record's JSON value into what caches must forget. What the body means is {@link AuthEventBody}'s (the one
 * owner of the v1 wire format); this only parses the JSON text and builds the command. Unknown event types are valid
 * and ask for nothing, so producers may add types without breaking this consumer.
 */
final class AuthEventMessages {

    record Parsed(EvictUserAuthStateCommand command, AuthEventBody.Received event) {

        String type() {
            return event.type();
        }

        Instant occurredAt() {
            return event.occurredAt();
        }
    }

    private AuthEventMessages() {
    }

    /** The relay's heartbeats (no user, nothing to purge) are for subscribers that watch the stream's freshness. */
    static boolean isHeartbeat(ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type != null && AuthEventBody.HEARTBEAT_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    static Parsed parse(JsonMapper json, String body) {
        Object root;
        try {
            root = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new MalformedAuthEventException("not JSON", e);
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new MalformedAuthEventException("not a JSON object");
        }
        AuthEventBody.Received event;
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) object;
            event = AuthEventBody.read(fields);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedAuthEventException("invalid field: " + e.getMessage(), e);
        }
        return new Parsed(command(event), event);
    }

    private static EvictUserAuthStateCommand command(AuthEventBody.Received event) {
        boolean wholeUser = event.concernsWholeUser();
        if (!event.isRevocation()) {
            return new EvictUserAuthStateCommand(event.eventId(), event.userId(), List.of(), wholeUser);
        }
        Instant tokensValidUntil = event.accessTokensValidUntil();
        return new EvictUserAuthStateCommand(event.eventId(), event.userId(), wholeUser ? List.of() : event.sessionIds(),
                wholeUser, tokensValidUntil == null ? List.of() : event.sessionIds(), tokensValidUntil);
    }
}
