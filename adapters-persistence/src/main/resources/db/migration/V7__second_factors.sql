-- TOTP authenticators, one per account: the secret sealed with AES-GCM under the key named by key_id (never stored in
-- clear), pending until confirmed_at is set. last_used_step is the latest accepted RFC 6238 time step; a code is
-- accepted only by the conditional UPDATE that raises it, so a replayed code (or the same code twice at once) is
-- accepted once.
CREATE TABLE totp_factors (
    user_id         uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    key_id          text        NOT NULL,
    sealed_secret   bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    confirmed_at    timestamptz,
    last_used_step  bigint      NOT NULL DEFAULT -1
);

-- Single-use recovery codes as SHA-256 hashes; a new set replaces the old one. used_at marks a spent code.
CREATE TABLE recovery_codes (
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   char(64)    NOT NULL,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (user_id, code_hash)
);
