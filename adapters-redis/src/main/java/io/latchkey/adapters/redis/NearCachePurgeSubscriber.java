package io.latchkey.adapters.redis;

import io.latchkey.domain.port.NearAuthCache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/** Listens for purge announcements and drops the purged sessions from this instance's near cache. */
@Component
class NearCachePurgeSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NearCachePurgeSubscriber.class);

    private final ReactiveRedisConnectionFactory connections;
    private final NearAuthCache near;
    private final AtomicReference<Disposable> subscription = new AtomicReference<>();

    NearCachePurgeSubscriber(ReactiveRedisConnectionFactory connections, NearAuthCache near) {
        this.connections = connections;
        this.near = near;
    }

    @Override
    public void start() {
        // A fresh listener container per (re)subscription: after a Redis outage the old connection is gone.
        subscription.set(Flux.using(() -> new ReactiveRedisMessageListenerContainer(connections),
                        listener -> listener.receive(ChannelTopic.of(NearCachePurges.CHANNEL)),
                        ReactiveRedisMessageListenerContainer::destroy)
                .concatMap(message -> NearCachePurges.apply(near, message.getMessage()))
                .doOnError(e -> log.warn("near-cache purge subscription lost, resubscribing: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .subscribe());
    }

    @Override
    public void stop() {
        Disposable current = subscription.getAndSet(null);
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription.get() != null;
    }
}
