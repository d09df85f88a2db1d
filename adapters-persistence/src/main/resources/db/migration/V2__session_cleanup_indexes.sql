-- The cleanup job looks for sessions that ended by idle timeout or revocation as well as absolute expiry.
CREATE INDEX sessions_by_idle_expiry ON sessions (idle_expires_at);
CREATE INDEX sessions_revoked_by_time ON sessions (revoked_at) WHERE status = 'REVOKED';
