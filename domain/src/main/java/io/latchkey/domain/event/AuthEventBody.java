package io.latchkey.domain.event;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The v1 body of an auth event on the stream (docs/events.md, docs/asyncapi.yaml), written and read in one place: the
 * outbox stores {@link #write} (as JSON, snake_case names), the cache consumers interpret what they receive with
 * {@link #read}. The body is a tree of maps, lists, strings and numbers; turning it into JSON text and back is the
 * adapters' part. Reasons are {@link RevocationReason}'s wire values.
 */
public final class AuthEventBody {

    public static final String TYPE_PREFIX = "io.latchkey.";
    public static final int SCHEMA_VERSION = 1;
    /** The relay's heartbeat: no user, nothing to purge; for subscribers that watch the stream's freshness. */
    public static final String HEARTBEAT_TYPE = TYPE_PREFIX + "relay.heartbeat";

    /** Event types after which nothing cached about the user may be kept (its roles, verification or existence). */
    private static final Set<String> USER_STATE_CHANGES = Set.of(TYPE_PREFIX + "user.updated",
            TYPE_PREFIX + "user.password_changed", TYPE_PREFIX + "user.deleted", TYPE_PREFIX + "user.email_verified");
    private static final String SESSION_REVOKED = TYPE_PREFIX + "session.revoked";

    private AuthEventBody() {
    }

    /** The CloudEvents type of the event: {@code io.latchkey.<type>}. */
    public static String typeOf(AuthEvent event) {
        return TYPE_PREFIX + event.type();
    }

    public static Map<String, Object> write(AuthEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", event.eventId().toString());
        body.put("type", typeOf(event));
        body.put("schema_version", SCHEMA_VERSION);
        body.put("user_id", event.userId().toString());
        body.put("occurred_at", event.occurredAt().toString());
        switch (event) {
            case UserRegistered ignored -> { }
            case EmailVerified ignored -> { }
            case PasswordChanged ignored -> { }
            case UserDeleted ignored -> { }
            case UserUpdated e -> body.put("changes", e.changes());
            case UserMfaEnabled e -> body.put("method", e.method());
            case UserMfaDisabled e -> {
                body.put("method", e.method());
                body.put("reason", e.reason());
                if (e.actorId() != null) {
                    body.put("actor_id", e.actorId().toString());
                }
            }
            case IdentityLinked e -> body.put("provider", e.provider());
            case IdentityUnlinked e -> body.put("provider", e.provider());
            case UserPasskeyAdded e -> body.put("passkey_id", e.passkeyId().toString());
            case UserPasskeyRemoved e -> body.put("passkey_id", e.passkeyId().toString());
            case SessionStarted e -> {
                body.put("session_ids", List.of(e.sessionId().toString()));
                // The same stable order as the access token's amr claim.
                body.put("amr", e.methods().stream().sorted(Comparator.naturalOrder()).map(AuthMethod::wireValue).toList());
                if (e.identityProvider() != null) {
                    body.put("idp", e.identityProvider());
                }
            }
            case TokenRotated e -> {
                body.put("session_ids", List.of(e.sessionId().toString()));
                body.put("generation", e.generation());
            }
            case SessionRevoked e -> {
                body.put("session_ids", e.sessionIds().stream().map(SessionId::toString).toList());
                body.put("reason", e.reason().wireValue());
                body.put("access_tokens_valid_until", e.accessTokensValidUntil().toString());
                if (e.accountEpoch() != null) {
                    body.put("account_epoch", e.accountEpoch());
                }
            }
        }
        return body;
    }

    /**
     * Reads what caches need from a body: the envelope, the sessions it names and, for a revocation, its reason and
     * how long the revoked sessions' access tokens live. Unknown types and reasons are valid and ask for nothing
     * more, so producers may add them.
     *
     * @throws IllegalArgumentException when a required field is missing or malformed
     */
    public static Received read(Map<String, ?> body) {
        UUID eventId = UUID.fromString(text(body, "event_id"));
        UserId userId = UserId.parse(text(body, "user_id"));
        String type = text(body, "type");
        Instant occurredAt = Instant.parse(text(body, "occurred_at"));
        List<SessionId> sessions = new ArrayList<>();
        if (body.get("session_ids") instanceof List<?> ids) {
            for (Object id : ids) {
                sessions.add(SessionId.parse(String.valueOf(id)));
            }
        }
        RevocationReason reason = null;
        Instant tokensValidUntil = null;
        if (SESSION_REVOKED.equals(type)) {
            reason = body.get("reason") instanceof String wire ? RevocationReason.fromWireValue(wire) : null;
            tokensValidUntil = body.get("access_tokens_valid_until") instanceof String until ? Instant.parse(until) : null;
        }
        return new Received(eventId, userId, type, occurredAt, sessions, reason, tokensValidUntil);
    }

    /** What a body says, as far as caches care. */
    public record Received(UUID eventId, UserId userId, String type, Instant occurredAt, List<SessionId> sessionIds,
            @Nullable RevocationReason reason, @Nullable Instant accessTokensValidUntil) {

        public Received {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(userId, "userId");
            sessionIds = List.copyOf(sessionIds);
        }

        public boolean isRevocation() {
            return SESSION_REVOKED.equals(type);
        }

        /** Whether nothing cached about the user may be kept, as opposed to only the named sessions. */
        public boolean concernsWholeUser() {
            return isRevocation() ? reason != null && reason.endsEverySession() : USER_STATE_CHANGES.contains(type);
        }
    }

    private static String text(Map<String, ?> body, String field) {
        if (!(body.get(field) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
