-- Accounts. email holds the canonical form (NFKC + case fold), so the unique index makes
-- A@x.io and a@X.io one account even under concurrent registration.
CREATE TABLE users (
    id              uuid        PRIMARY KEY,
    email           text        NOT NULL,
    password_hash   text        NOT NULL,
    first_name      text,
    last_name       text,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    roles           text[]      NOT NULL,
    email_verified  boolean     NOT NULL DEFAULT false,
    auth_epoch      bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- One row per login: a refresh-token family. generation counts rotations.
CREATE TABLE sessions (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status              text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    generation          bigint      NOT NULL,
    created_at          timestamptz NOT NULL,
    last_used_at        timestamptz NOT NULL,
    rotated_at          timestamptz,
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    user_agent          text,
    ip_address          text,
    revocation_reason   text,
    revoked_at          timestamptz
);
CREATE INDEX sessions_active_by_user ON sessions (user_id) WHERE status = 'ACTIVE';
CREATE INDEX sessions_by_absolute_expiry ON sessions (absolute_expires_at);

-- Every refresh token a session ever issued, as a SHA-256 hash, so reuse of any old one is detected.
CREATE TABLE refresh_tokens (
    token_hash  char(64)    PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    generation  bigint      NOT NULL,
    issued_at   timestamptz NOT NULL,
    UNIQUE (session_id, generation)
);

-- Transactional outbox: written with the change it describes, relayed to Kafka afterwards.
CREATE TABLE outbox (
    id              uuid        PRIMARY KEY,
    aggregate_id    uuid        NOT NULL,
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE published_at IS NULL;
