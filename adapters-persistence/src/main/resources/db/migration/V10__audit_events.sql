-- Append-only audit trail: every outbox event, failed logins and lockouts, with the request's address and user
-- agent and the acting administrator. Written in the transaction of the change it records; only the retention
-- purge deletes. No foreign keys: an entry outlives the account it is about (a deletion is audited too).
CREATE TABLE audit_events (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    type        text        NOT NULL,
    user_id     uuid,
    actor_id    uuid,
    session_id  uuid,
    ip_address  text,
    user_agent  text,
    detail      jsonb       NOT NULL DEFAULT '{}'
);
-- Newest first, keyset paging on (occurred_at, id): one index per leading filter, so a page reads only its rows
-- whatever the table's size. The first also serves the retention purge (oldest first) and unfiltered listings.
CREATE INDEX audit_events_by_time ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_by_user ON audit_events (user_id, occurred_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX audit_events_by_type ON audit_events (type, occurred_at DESC, id DESC);
