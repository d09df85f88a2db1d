package io.latchkey.domain.model.session;

import java.time.Instant;
import java.util.Objects;

/** A session revoked at {@code revokedAt}; its access tokens live until at most that plus their lifetime. */
public record RecentRevocation(SessionId sessionId, Instant revokedAt) {

    public RecentRevocation {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
