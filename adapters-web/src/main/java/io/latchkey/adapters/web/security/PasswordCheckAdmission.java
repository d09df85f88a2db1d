package io.latchkey.adapters.web.security;

import io.latchkey.adapters.web.error.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sheds password work beyond what the cores can do promptly: at most {@code maxConcurrentChecks} requests to the
 * operations that run Argon2id are in flight; the next one is answered 503 with {@code Retry-After} before it
 * touches Redis, PostgreSQL or the hashing pool, so a login flood neither queues for seconds nor counts towards
 * anyone's lockout, and the rest of the API keeps its share of the CPU.
 */
final class PasswordCheckAdmission implements WebFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    /** Every operation that checks or sets a password. */
    static final ServerWebExchangeMatcher PASSWORD_OPERATIONS = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/accounts",
                    "/api/v1/password-reset/confirm", "/api/v1/me/password", "/api/v1/me/step-up"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.DELETE, "/api/v1/me"));

    private final Semaphore permits;
    private final ProblemWriter problems;
    private final Counter shed;

    PasswordCheckAdmission(int maxConcurrentChecks, ProblemWriter problems, MeterRegistry meters) {
        this.permits = new Semaphore(maxConcurrentChecks);
        this.problems = problems;
        this.shed = Counter.builder("latchkey.password.checks.shed")
                .description("Requests to password operations answered 503 because the hashing capacity was taken")
                .register(meters);
        Gauge.builder("latchkey.password.checks.in.flight", permits, p -> maxConcurrentChecks - p.availablePermits())
                .description("Requests to password operations being served").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return PASSWORD_OPERATIONS.matches(exchange).flatMap(match -> {
            if (!match.isMatch()) {
                return chain.filter(exchange);
            }
            if (!permits.tryAcquire()) {
                shed.increment();
                return overloaded(exchange);
            }
            AtomicBoolean released = new AtomicBoolean();
            return chain.filter(exchange).doFinally(signal -> {
                if (released.compareAndSet(false, true)) {
                    permits.release();
                }
            });
        });
    }

    private Mono<Void> overloaded(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many password checks are in progress on this instance; retry after Retry-After seconds.");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "overloaded"));
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(exchange, problem, headers);
    }
}
