-- External identities (OpenID Connect / OAuth 2.0 providers) that sign in as an account.
CREATE TABLE user_identities (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text,
    linked_at  timestamptz NOT NULL,
    PRIMARY KEY (provider, subject),
    CONSTRAINT user_identities_one_per_provider UNIQUE (user_id, provider)
);
