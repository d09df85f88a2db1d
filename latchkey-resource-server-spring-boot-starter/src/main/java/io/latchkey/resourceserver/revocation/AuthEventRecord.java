package io.latchkey.resourceserver.revocation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one record of the auth-events topic means to a resource server. */
public sealed interface AuthEventRecord {

    /** Sessions ended; with {@code accountEpoch}, every token of the user below that epoch too. */
    record Revocation(String userId, List<String> sessionIds, @Nullable Long accountEpoch, Instant tokensValidUntil)
            implements AuthEventRecord {

        public Revocation {
            sessionIds = List.copyOf(sessionIds);
        }
    }

    /**
     * The relay's watermark on this record's partition: every event committed before {@code emittedAt} (the oldest
     * event still waiting in Latchkey's outbox, else the time of writing) had been published when it was written.
     */
    record Heartbeat(Instant emittedAt) implements AuthEventRecord {
    }

    /** A type that asks nothing of a resource server (including types added after this version). */
    record Ignored(String type) implements AuthEventRecord {
    }

    /** Not a record this version can read; {@code revocation} when it was typed as a session revocation. */
    record Unreadable(String reason, boolean revocation) implements AuthEventRecord {

        public Unreadable(String reason) {
            this(reason, false);
        }
    }
}
