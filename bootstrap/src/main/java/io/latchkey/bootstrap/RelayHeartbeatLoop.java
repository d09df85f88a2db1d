package io.latchkey.bootstrap;

import io.latchkey.application.usecase.PublishRelayHeartbeatCommand;
import io.latchkey.application.usecase.PublishRelayHeartbeatUseCase;
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
 * Publishes the relay heartbeat at a fixed interval on every instance (ticks that find the previous heartbeat
 * still in flight are dropped). Resource servers watch its age to know their revocation view is current.
 */
@Component
class RelayHeartbeatLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayHeartbeatLoop.class);

    private final PublishRelayHeartbeatUseCase heartbeat;
    private final EventsProperties properties;
    private final AtomicReference<Disposable> running = new AtomicReference<>();

    RelayHeartbeatLoop(PublishRelayHeartbeatUseCase heartbeat, EventsProperties properties) {
        this.heartbeat = heartbeat;
        this.properties = properties;
    }

    @Override
    public void start() {
        PublishRelayHeartbeatCommand command = new PublishRelayHeartbeatCommand(properties.heartbeatMaxBacklogAge());
        Disposable loop = Flux.interval(java.time.Duration.ZERO, properties.heartbeatInterval())
                .onBackpressureDrop()
                .concatMap(tick -> heartbeat.publish(command).onErrorResume(e -> {
                    log.debug("relay heartbeat not published: {}", e.toString());
                    return Mono.just(false);
                }), 1)
                .subscribe();
        Disposable previous = running.getAndSet(loop);
        if (previous != null) {
            previous.dispose();
        }
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
