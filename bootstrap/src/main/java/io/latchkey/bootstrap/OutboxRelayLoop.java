package io.latchkey.bootstrap;

import io.latchkey.adapters.persistence.OutboxCommitSignal;
import io.latchkey.application.usecase.RelayOutboxCommand;
import io.latchkey.application.usecase.RelayOutboxUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.bootstrap.config.EventsProperties;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the outbox relay on every instance: right after a local commit that wrote events, and on a short poll
 * for everything else (other instances' rows, retries after back-off, rows left by a crashed instance).
 */
@Component
class OutboxRelayLoop extends RelayLoop {

    /** The outage log's backlog query gives up after this; it is only ever a log line that waits on it. */
    private static final java.time.Duration BACKLOG_QUERY_TIMEOUT = java.time.Duration.ofSeconds(2);

    private final RelayOutboxUseCase relay;
    private final OutboxCommitSignal commits;
    private final EventsProperties properties;
    private final EventStreamOutageLog outageLog;

    OutboxRelayLoop(RelayOutboxUseCase relay, OutboxCommitSignal commits, EventsProperties properties,
            OutboxMetrics metrics, InstantSource clock) {
        super("outbox relay");
        this.relay = relay;
        this.commits = commits;
        this.properties = properties;
        this.outageLog = new EventStreamOutageLog(clock, properties.outageSummaryInterval(), BACKLOG_QUERY_TIMEOUT,
                metrics::measure);
    }

    @Override
    Flux<?> triggers() {
        return Flux.merge(Flux.interval(properties.relayPollInterval()).map(tick -> Boolean.TRUE), commits.commits());
    }

    @Override
    Supplier<Mono<RelayResult>> round() {
        RelayOutboxCommand command = new RelayOutboxCommand(properties.relayBatchSize());
        return () -> relay.relay(command).flatMap(result -> outageLog.record(result).thenReturn(result));
    }

    @Override
    int batchSize() {
        return properties.relayBatchSize();
    }
}
