package io.latchkey.adapters.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Listens for every instance's purge announcements, this one's included, and drops the purged sessions from this
 * instance's near cache; clears it whenever announcements may have been missed.
 */
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
        // Announcements sent while not subscribed are lost, so every (re)subscription, once Redis confirmed it, and
        // every reconnect of the client (Lettuce resubscribes by itself) clears the near cache.
        AbstractRedisClient client = connections instanceof LettuceConnectionFactory lettuce
                ? lettuce.getNativeClient() : null;
        Flux<Void> reconnects = client == null ? Flux.empty() : client.getResources().eventBus().get()
                .filter(ConnectionActivatedEvent.class::isInstance).concatMap(activated -> near.evictAll());
        subscription.set(Flux.using(() -> new ReactiveRedisMessageListenerContainer(connections),
                        listener -> listener.receiveLater(ChannelTopic.of(NearCachePurges.CHANNEL))
                                .flatMapMany(messages -> Flux.merge(
                                        messages.concatMap(message -> NearCachePurges.apply(near, message.getMessage())),
                                        near.evictAll())),
                        ReactiveRedisMessageListenerContainer::destroy)
                .mergeWith(reconnects)
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
