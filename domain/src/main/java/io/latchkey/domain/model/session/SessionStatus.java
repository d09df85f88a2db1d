package io.latchkey.domain.model.session;

/** A session is active until revoked; expiry is derived from its timestamps. */
public enum SessionStatus {
    ACTIVE,
    REVOKED
}
