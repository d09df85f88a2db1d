package io.latchkey.adapters.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The guard around each auth-cache command: a short timeout, so a hung Redis costs milliseconds instead of the
 * client's default, and a circuit breaker, so that once most recent commands failed the next ones fail at once
 * (the caller answers from PostgreSQL) until, after {@code breakerOpenFor}, a few trial commands succeed again.
 * Its state is the metric {@code resilience4j.circuitbreaker.state{name="redis"}}.
 */
final class RedisHotPath {

    static final String BREAKER = "redis";
    private static final int TRIAL_COMMANDS = 3;
    private static final Logger log = LoggerFactory.getLogger(RedisHotPath.class);

    private final Duration timeout;
    private final CircuitBreaker breaker;

    RedisHotPath(AuthCacheSettings settings, MeterRegistry meters) {
        this.timeout = settings.commandTimeout();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(Math.max(2, settings.breakerWindow() / 2))
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(TRIAL_COMMANDS)
                .build());
        this.breaker = breakers.circuitBreaker(BREAKER);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Redis circuit breaker {}: {}",
                event.getStateTransition(), switch (event.getStateTransition().getToState()) {
                    case OPEN -> "auth-cache commands go straight to the PostgreSQL fallback for " + settings.breakerOpenFor();
                    case HALF_OPEN -> TRIAL_COMMANDS + " trial commands go to Redis";
                    default -> "Redis answers again";
                }));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /** The command with the timeout, through the breaker: fails with a timeout or a refusal instead of waiting. */
    <T> Mono<T> guard(Mono<T> command) {
        return command.timeout(timeout).transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
