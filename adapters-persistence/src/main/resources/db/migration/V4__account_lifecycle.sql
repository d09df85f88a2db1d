-- Consecutive wrong passwords per address and the growing lockout they caused; cleared by a good login or a reset,
-- forgotten after a quiet spell. Keyed by a hash of the canonical address, whether or not an account has it, so a
-- lockout looks the same for every address.
CREATE TABLE login_failures (
    address_hash    char(64)    PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX login_failures_by_last_failure ON login_failures (last_failure_at);

-- Admin listing pages through accounts oldest first.
CREATE INDEX users_created_at ON users (created_at, id);

-- Single-use password-reset tokens, as SHA-256 hashes; gone with the account.
CREATE TABLE password_reset_tokens (
    token_hash  char(64)    PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX password_reset_tokens_by_user ON password_reset_tokens (user_id);
CREATE INDEX password_reset_tokens_by_expiry ON password_reset_tokens (expires_at);

-- Mail outbox: written in the transaction that decided to send, relayed to SMTP afterwards. A row is deleted
-- once sent or once its content expired, so codes and tokens do not linger. kind 'written' carries its subject
-- and body; 'verification_code' and 'password_reset' are written by the relay when it sends (or dropped when the
-- address has no account that should get them), so queuing one costs the same for every address.
CREATE TABLE mail_outbox (
    id              uuid        PRIMARY KEY,
    recipient       text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('written', 'verification_code', 'password_reset')),
    subject         text,
    body            text,
    expires_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (recipient);
