-- Cleanup of published outbox rows looks them up by publication time.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
