package io.latchkey.bootstrap;

import io.latchkey.adapters.persistence.OutboxCommitSignal;
import io.latchkey.application.usecase.RelayOutboxCommand;
import io.latchkey.application.usecase.RelayOutboxUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.bootstrap.config.EventsProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the outbox relay on every instance: right after a local commit that wrote events, and on a short poll
 * for everything else (other instances' rows, retries after back-off, rows left by a crashed instance). Rounds
 * never overlap; a full batch is followed at once by another.
 */
@Component
class OutboxRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final RelayOutboxUseCase relay;
    private final OutboxCommitSignal commits;
    private final EventsProperties properties;
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    OutboxRelayLoop(RelayOutboxUseCase relay, OutboxCommitSignal commits, EventsProperties properties) {
        this.relay = relay;
        this.commits = commits;
        this.properties = properties;
    }

    @Override
    public void start() {
        RelayOutboxCommand command = new RelayOutboxCommand(properties.relayBatchSize());
        Flux<Boolean> triggers = Flux.merge(Flux.interval(properties.relayPollInterval()).map(tick -> Boolean.TRUE),
                commits.commits());
        running.set(triggers
                .onBackpressureLatest()
                .concatMap(trigger -> drain(command), 1)
                .subscribe());
    }

    private Mono<RelayResult> drain(RelayOutboxCommand command) {
        return relay.relay(command)
                .expand(result -> result.published() + result.failed() >= command.batchSize() && result.failed() == 0
                        ? relay.relay(command) : Mono.empty())
                .last(RelayResult.NOTHING)
                .onErrorResume(e -> {
                    log.warn("outbox relay round failed, retrying on the next tick: {}", e.toString());
                    return Mono.just(RelayResult.NOTHING);
                });
    }

    @Override
    public void stop() {
        Disposable current = running.getAndSet(null);
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }
}
