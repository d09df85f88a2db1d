-- WebAuthn passkeys. credential_id is the authenticator's id (base64url, unique across accounts: one credential
-- belongs to one account); id is the handle the API names. credential_data holds the attested credential data
-- (AAGUID, credential id, COSE public key) as the authenticator sent it. sign_count is the last signature counter
-- accepted; a use is recorded only by the conditional UPDATE that raises it, so a cloned authenticator's stale
-- counter is refused.
CREATE TABLE passkeys (
    id               uuid        PRIMARY KEY,
    credential_id    text        NOT NULL UNIQUE,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name             text        NOT NULL,
    credential_data  bytea       NOT NULL,
    sign_count       bigint      NOT NULL,
    backup_eligible  boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz
);

CREATE INDEX passkeys_user_idx ON passkeys (user_id, created_at);
