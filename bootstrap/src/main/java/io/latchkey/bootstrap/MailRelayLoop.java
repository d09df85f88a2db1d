package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RelayMailCommand;
import io.latchkey.application.usecase.RelayMailUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.bootstrap.config.MailProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the mail relay on every instance on a short poll; rounds never overlap, and SKIP LOCKED keeps the
 * instances on disjoint mails. A full batch is followed at once by another.
 */
@Component
class MailRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRelayLoop.class);

    private final RelayMailUseCase relay;
    private final MailProperties properties;
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    MailRelayLoop(RelayMailUseCase relay, MailProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void start() {
        RelayMailCommand command = new RelayMailCommand(properties.relayBatchSize());
        running.set(Flux.interval(properties.relayPollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain(command), 1)
                .subscribe());
    }

    private Mono<RelayResult> drain(RelayMailCommand command) {
        return relay.relay(command)
                .expand(result -> result.published() + result.failed() >= command.batchSize() && result.failed() == 0
                        ? relay.relay(command) : Mono.empty())
                .last(RelayResult.NOTHING)
                .onErrorResume(e -> {
                    log.warn("mail relay round failed, retrying on the next tick: {}", e.toString());
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
