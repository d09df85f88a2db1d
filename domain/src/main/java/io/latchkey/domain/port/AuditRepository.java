package io.latchkey.domain.port;

import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditFilter;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only audit trail. Every event written to the outbox is recorded with it, in the caller's transaction,
 * by the outbox publisher itself; this port records the facts that are not events (failed logins, lockouts) and
 * reads the trail back.
 */
public interface AuditRepository {

    /** Records the fact, through the caller's transaction if there is one, with the request origin from the context. */
    Mono<Void> append(AuditFact fact);

    /** Up to {@code limit} matching entries, newest first ((occurred_at, id) descending), strictly after {@code after}. */
    Flux<AuditEntry> find(AuditFilter filter, @Nullable AuditCursor after, int limit);

    /** Deletes up to {@code limit} entries that occurred before {@code cutoff}; how many it deleted. */
    Mono<Long> deleteOlderThan(Instant cutoff, int limit);
}
