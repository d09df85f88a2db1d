-- How each session was authenticated: RFC 8176 method values (plus 'fed' for an external identity provider), the
-- time of the latest authentication (moved by a step-up) and, for a federated sign-in, the provider. Sessions that
-- existed before were all password logins authenticated when they were created. The defaults only serve an
-- instance still running the previous release during a rolling upgrade (it inserts password sessions, at about
-- now); this release always writes all three.
ALTER TABLE sessions
    ADD COLUMN auth_methods      text[]      NOT NULL DEFAULT '{pwd}',
    ADD COLUMN auth_time         timestamptz,
    ADD COLUMN identity_provider text;
UPDATE sessions SET auth_time = created_at WHERE auth_time IS NULL;
ALTER TABLE sessions
    ALTER COLUMN auth_time SET DEFAULT now(),
    ALTER COLUMN auth_time SET NOT NULL;
