package io.latchkey.application.service;

import io.latchkey.application.usecase.PurgeAuditEventsCommand;
import io.latchkey.application.usecase.PurgeAuditEventsUseCase;
import io.latchkey.domain.port.AuditRepository;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the audit trail to its retention: short statements (each holds its row locks briefly; batches skip rows
 * another instance holds), stopping at the first short batch or after the run's maximum, the rest next run.
 */
public final class PurgeAuditEventsService implements PurgeAuditEventsUseCase {

    private final AuditRepository audit;
    private final InstantSource clock;

    public PurgeAuditEventsService(AuditRepository audit, InstantSource clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purge(PurgeAuditEventsCommand command) {
        return Mono.defer(() -> {
            Instant cutoff = clock.instant().minus(command.retention());
            return Flux.range(0, command.maxBatches())
                    .concatMap(ignored -> audit.deleteOlderThan(cutoff, command.batchSize()))
                    .takeUntil(deleted -> deleted < command.batchSize())
                    .reduce(0L, Long::sum);
        });
    }
}
