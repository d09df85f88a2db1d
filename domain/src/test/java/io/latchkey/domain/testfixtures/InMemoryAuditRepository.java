package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.model.audit.RequestOrigin;
import io.latchkey.domain.port.AuditRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail in a list, ordered and filtered like the table; the request origin comes from the context. */
public final class InMemoryAuditRepository implements AuditRepository {

    private static final Comparator<AuditEntry> NEWEST_FIRST =
            Comparator.comparing(AuditEntry::occurredAt).thenComparing(AuditEntry::id).reversed();

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> append(AuditFact fact) {
        return Mono.deferContextual(context -> {
            RequestOrigin origin = context.getOrDefault(RequestOrigin.CONTEXT_KEY, null);
            entries.add(new AuditEntry(fact.id(), fact.occurredAt().truncatedTo(ChronoUnit.MICROS), fact.type(),
                    fact.userId(), fact.actorId(), fact.sessionId(), origin == null ? null : origin.ipAddress(),
                    origin == null ? null : origin.userAgent(), fact.detail()));
            return Mono.<Void>empty();
        });
    }

    @Override
    public Flux<AuditEntry> find(AuditFilter filter, @Nullable AuditCursor after, int limit) {
        return Flux.defer(() -> Flux.fromStream(entries.stream()
                .filter(e -> filter.userId() == null || filter.userId().equals(e.userId()))
                .filter(e -> filter.types().isEmpty() || filter.types().contains(e.type()))
                .filter(e -> filter.from() == null || !e.occurredAt().isBefore(filter.from()))
                .filter(e -> filter.to() == null || e.occurredAt().isBefore(filter.to()))
                .filter(e -> after == null || e.occurredAt().isBefore(after.occurredAt())
                        || e.occurredAt().equals(after.occurredAt()) && e.id().compareTo(after.id()) < 0)
                .sorted(NEWEST_FIRST)
                .limit(limit)));
    }

    @Override
    public Mono<Long> deleteOlderThan(Instant cutoff, int limit) {
        return Mono.fromCallable(() -> {
            List<AuditEntry> old = entries.stream().filter(e -> e.occurredAt().isBefore(cutoff)).limit(limit).toList();
            entries.removeAll(old);
            return (long) old.size();
        });
    }

    public List<AuditEntry> entries() {
        return entries.stream().sorted(NEWEST_FIRST).toList();
    }
}
