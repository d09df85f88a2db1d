package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RelayResult;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs relay rounds whenever a trigger fires. Rounds never overlap (triggers that arrive meanwhile collapse into
 * one), a full batch is followed at once by another, and a failed round is retried on the next trigger.
 */
abstract class RelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);

    private final String name;
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    RelayLoop(String name) {
        this.name = name;
    }

    /** When to run a round. */
    abstract Flux<?> triggers();

    /** One round, and the batch size that, when reached, calls for another at once. */
    abstract Supplier<Mono<RelayResult>> round();

    abstract int batchSize();

    @Override
    public void start() {
        Supplier<Mono<RelayResult>> round = round();
        int batchSize = batchSize();
        running.set(triggers()
                .onBackpressureLatest()
                .concatMap(trigger -> drain(round, batchSize), 1)
                .subscribe());
    }

    private Mono<RelayResult> drain(Supplier<Mono<RelayResult>> round, int batchSize) {
        return round.get()
                .expand(result -> result.handled() >= batchSize && result.failed() == 0
                        ? round.get() : Mono.empty())
                .last(RelayResult.NOTHING)
                .onErrorResume(e -> {
                    log.warn("{} round failed, retrying on the next tick: {}", name, e.toString());
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
