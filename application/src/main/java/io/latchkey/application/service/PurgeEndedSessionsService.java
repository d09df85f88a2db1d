package io.latchkey.application.service;

import io.latchkey.application.usecase.PurgeEndedSessionsCommand;
import io.latchkey.application.usecase.PurgeEndedSessionsUseCase;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes ended sessions in small batches. Each batch claims its rows with {@code SKIP LOCKED}, so every
 * instance may run this at once without a scheduler of schedulers: they simply share the work.
 */
public final class PurgeEndedSessionsService implements PurgeEndedSessionsUseCase {

    private final SessionRepository sessions;
    private final InstantSource clock;

    public PurgeEndedSessionsService(SessionRepository sessions, InstantSource clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purgeEndedSessions(PurgeEndedSessionsCommand command) {
        return Mono.defer(() -> {
            var cutoff = clock.instant().minus(command.retention());
            return Flux.range(0, command.maxBatches())
                    .concatMap(batch -> sessions.deleteEnded(cutoff, command.batchSize()))
                    .takeUntil(deleted -> deleted < command.batchSize())
                    .reduce(0L, Long::sum);
        });
    }
}
