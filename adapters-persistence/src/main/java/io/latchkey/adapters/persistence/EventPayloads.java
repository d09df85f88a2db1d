package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.event.EmailVerified;
import io.latchkey.domain.event.PasswordChanged;
import io.latchkey.domain.event.UserDeleted;
import io.latchkey.domain.event.UserMfaDisabled;
import io.latchkey.domain.event.UserMfaEnabled;
import io.latchkey.domain.event.UserPasskeyAdded;
import io.latchkey.domain.event.UserPasskeyRemoved;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.event.IdentityLinked;
import io.latchkey.domain.event.IdentityUnlinked;
import io.latchkey.domain.event.UserUpdated;
import io.latchkey.domain.model.session.SessionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v1 JSON body of each event type (see docs/asyncapi.yaml); field names are snake_case. */
final class EventPayloads {

    static final String CLOUD_EVENT_TYPE_PREFIX = "io.latchkey.";
    static final int SCHEMA_VERSION = 1;

    private EventPayloads() {
    }

    static Map<String, Object> of(AuthEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_id", event.eventId().toString());
        body.put("type", CLOUD_EVENT_TYPE_PREFIX + event.type());
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
                body.put("amr", SessionAuthenticationWire.amr(e.methods()));
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
}
