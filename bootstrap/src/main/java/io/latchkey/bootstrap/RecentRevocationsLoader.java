package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RememberRecentRevocationsUseCase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads recently revoked sessions from PostgreSQL into this instance's memory at startup and every few seconds, so
 * an instance started after a revocation, or one that misses events while Kafka is down, still refuses a stale cache
 * entry. Until the first load succeeds the instance checks sessions in PostgreSQL instead of trusting any cache.
 */
@Component
class RecentRevocationsLoader {

    private static final Logger log = LoggerFactory.getLogger(RecentRevocationsLoader.class);
    // The scheduler waits for each round on its thread, which other jobs share: a hung PostgreSQL must end a round.
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(4);

    private final RememberRecentRevocationsUseCase remember;
    private final AtomicBoolean failing = new AtomicBoolean();

    RecentRevocationsLoader(RememberRecentRevocationsUseCase remember) {
        this.remember = remember;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${latchkey.cache.revoked-sessions-reload-seconds:5}",
            timeUnit = TimeUnit.SECONDS)
    Mono<Void> load() {
        return remember.rememberRecentRevocations()
                .timeout(ROUND_TIMEOUT)
                .doOnNext(loaded -> {
                    if (failing.compareAndSet(true, false)) {
                        log.info("recent revocations loaded again ({} sessions)", loaded);
                    }
                })
                .onErrorResume(e -> {
                    if (failing.compareAndSet(false, true)) {
                        log.warn("could not load recent revocations, retrying every round: {}", e.toString());
                    }
                    return Mono.empty();
                })
                .then();
    }
}
