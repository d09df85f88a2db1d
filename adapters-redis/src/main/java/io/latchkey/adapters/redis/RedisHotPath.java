package io.latchkey.adapters.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The guard around each auth-cache command: a short timeout, so a hung Redis costs milliseconds instead of the
 * client's default, and a circuit breaker, so that once most recent commands failed the next ones fail at once
 * (the caller answers from PostgreSQL) until, after {@code breakerOpenFor}, a few trial commands succeed again.
 * Its state is the metric {@code resilience4j.circuitbreaker.state{name="redis"}}. Only a Redis that does not answer
 * (a timeout, a refused or lost connection) counts against the breaker: one that answers with an error (OOM on a fill)
 * is up. Purges ({@link #purge}) are never short-circuited: a revocation's purge and its announcement must be sent.
 */
final class RedisHotPath {

    static final String BREAKER = "redis";
    private static final int TRIAL_COMMANDS = 3;
    /** A purge may wait longer than a lookup: it is sent once per revocation, not once per request. */
    static final Duration PURGE_TIMEOUT = Duration.ofMillis(500);
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
                .recordException(RedisHotPath::unanswered)
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

    /**
     * A purge (eviction script with its near-cache announcement): sent even while the breaker is open, with the longer
     * {@link #PURGE_TIMEOUT}, and not counted by the breaker, so a Redis that answers again is purged at once.
     */
    <T> Mono<T> purge(Mono<T> command) {
        return command.timeout(PURGE_TIMEOUT);
    }

    /** Whether a failure means Redis did not answer (timeout, connection), as opposed to answering with an error. */
    static boolean unanswered(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandExecutionException) {
                return false;
            }
            if (cause instanceof TimeoutException || cause instanceof QueryTimeoutException
                    || cause instanceof RedisConnectionFailureException || cause instanceof IOException
                    || cause instanceof RedisException) {
                // RedisException itself (not a server reply): Lettuce refusing commands while disconnected.
                return true;
            }
        }
        return false;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
