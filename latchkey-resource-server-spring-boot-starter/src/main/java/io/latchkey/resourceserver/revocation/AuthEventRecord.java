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
     * The relay was publishing when it wrote this: its outbox held nothing older than
     * {@code latchkey.events.heartbeat-max-backlog-age}. Revocations committed up to that long before
     * {@code emittedAt} may still follow it (docs/events.md, "Heartbeats").
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
