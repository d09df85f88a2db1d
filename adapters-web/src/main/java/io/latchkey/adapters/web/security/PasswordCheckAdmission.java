package io.latchkey.adapters.web.security;

import io.latchkey.adapters.web.error.ProblemResponses;
import io.latchkey.adapters.web.error.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sheds password work beyond what the cores can do promptly: at most {@code maxConcurrentChecks} requests to the
 * operations that run Argon2id are served at once, and at most a quarter of them (at least one) for one client
 * address; the next one is answered 503 with {@code Retry-After} before it touches Redis, PostgreSQL or the hashing
 * pool, so a login flood neither queues for seconds nor counts towards anyone's lockout, and the rest of the API keeps
 * its share of the CPU. A place is taken only once the request's body has arrived, so slow senders hold none.
 * The 503 itself is held back for {@code shedHold}: a client that retries at once (ignoring Retry-After) would
 * otherwise get refusals as fast as the event loop can write them, and those cheap refusals, not the hashing, are
 * what took the CPU from every other endpoint. Held, a connection costs a timer and no CPU.
 */
public final class PasswordCheckAdmission implements WebFilter {

    static final String RETRY_AFTER_SECONDS = "1";
    /** The JSON codecs' own limit: a body they would refuse is refused here, before it is held. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    static final ServerWebExchangeMatcher PASSWORD_OPERATIONS = PasswordOperations.matcher();

    private final Duration shedHold;
    private final Semaphore permits;
    private final int perClient;
    private final ConcurrentHashMap<String, AtomicInteger> byClient = new ConcurrentHashMap<>();
    private final Function<ServerWebExchange, String> client;
    private final ProblemWriter problems;
    private final Counter shed;

    PasswordCheckAdmission(int maxConcurrentChecks, Duration shedHold, Function<ServerWebExchange, String> client,
            ProblemWriter problems, MeterRegistry meters) {
        this.shedHold = shedHold;
        this.permits = new Semaphore(maxConcurrentChecks);
        this.perClient = Math.max(1, maxConcurrentChecks / 4);
        this.client = client;
        this.problems = problems;
        this.shed = Counter.builder("latchkey.password.checks.shed")
                .description("Requests to password operations answered 503 because the hashing capacity was taken")
                .register(meters);
        Gauge.builder("latchkey.password.checks.in.flight", permits, p -> maxConcurrentChecks - p.availablePermits())
                .description("Requests to password operations being served").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return PASSWORD_OPERATIONS.matches(exchange).flatMap(match -> !match.isMatch() ? chain.filter(exchange)
                : isForm(exchange)
                // A form is read through the exchange, which keeps it for the handler (a replayed body would not be).
                ? exchange.getFormData().then(Mono.defer(() -> admitted(exchange, chain)))
                : DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
                        .map(PasswordCheckAdmission::copied).defaultIfEmpty(new byte[0])
                        .flatMap(body -> admitted(replayed(exchange, body), chain))
                        .onErrorResume(DataBufferLimitException.class, tooLarge -> tooLarge(exchange)));
    }

    private static boolean isForm(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
    }

    /** A heap copy, so nothing pooled is left unreleased when the handler never reads the body. */
    private static byte[] copied(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private Mono<Void> admitted(ServerWebExchange exchange, WebFilterChain chain) {
        String address = String.valueOf(client.apply(exchange));
        AtomicInteger mine = byClient.computeIfAbsent(address, key -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient) {
            leave(address, mine);
            return overloaded(exchange);
        }
        if (!permits.tryAcquire()) {
            leave(address, mine);
            return overloaded(exchange);
        }
        AtomicBoolean released = new AtomicBoolean();
        // A hash already running when the client goes away finishes on its thread: at most one per hashing thread.
        return Mono.defer(() -> chain.filter(exchange)).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
                leave(address, mine);
            }
        });
    }

    private void leave(String address, AtomicInteger mine) {
        if (mine.decrementAndGet() == 0) {
            byClient.remove(address, mine);
        }
    }

    /** The request with its body, already read, given again to whoever reads it next. */
    private static ServerWebExchange replayed(ServerWebExchange exchange, byte[] body) {
        return exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty() : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
            }
        }).build();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        problem.setType(ProblemResponses.typeForStatus(HttpStatus.CONTENT_TOO_LARGE));
        problem.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        return problems.write(exchange, problem, new HttpHeaders());
    }

    private Mono<Void> overloaded(ServerWebExchange exchange) {
        shed.increment();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many password checks are in progress on this instance; retry after Retry-After seconds.");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "overloaded"));
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Mono<Void> answer = Mono.defer(() -> problems.write(exchange, problem, headers));
        return shedHold.isZero() ? answer : Mono.delay(shedHold).then(answer);
    }
}
