package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A fact about an account or its sessions, written to the outbox in the transaction that caused it.
 * {@link #type()} is the stable suffix of the CloudEvents type {@code io.latchkey.<type>}.
 */
public sealed interface AuthEvent permits UserRegistered, EmailVerified, UserUpdated, PasswordChanged, UserDeleted, SessionStarted,
        TokenRotated, SessionRevoked, UserMfaEnabled, UserMfaDisabled, IdentityLinked,
        IdentityUnlinked, UserPasskeyAdded, UserPasskeyRemoved {

    UUID eventId();

    UserId userId();

    Instant occurredAt();

    String type();
}
