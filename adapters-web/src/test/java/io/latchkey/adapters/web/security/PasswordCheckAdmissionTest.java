package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.adapters.web.error.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class PasswordCheckAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProblemWriter problems = new ProblemWriter(new ProblemResponses(JsonMapper.builder().build()));
    /** Limit 8: 2 per client. The client address is the request's X-Client header here. */
    private final PasswordCheckAdmission admission = new PasswordCheckAdmission(8, Duration.ZERO,
            exchange -> exchange.getRequest().getHeaders().getFirst("X-Client"), problems, meters);
    private final Sinks.Empty<Void> release = Sinks.empty();
    private final AtomicInteger reachedHandler = new AtomicInteger();
    private final WebFilterChain slowHandler = exchange -> {
        reachedHandler.incrementAndGet();
        return release.asMono();
    };

    @Test
    void givenTheLimitTaken_nextPasswordRequest_is503WithRetryAfterAndNeverReachesTheHandler() {
        for (int i = 0; i < 8; i++) {
            admission.filter(login("client-" + i), slowHandler).subscribe();
        }
        MockServerWebExchange ninth = login("client-9");

        admission.filter(ninth, slowHandler).block();

        assertThat(reachedHandler).hasValue(8);
        assertThat(ninth.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ninth.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(ninth.getResponse().getBodyAsString().block()).contains("\"type\"", "overloaded", "Retry-After");
        assertThat(meters.get("latchkey.password.checks.shed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isEqualTo(8.0);
    }

    @Test
    void theRefusal_isHeldBackForTheShedHold_soAnImmediateRetryCannotFloodTheEventLoop() {
        PasswordCheckAdmission holding = new PasswordCheckAdmission(1, Duration.ofMillis(250),
                exchange -> exchange.getRequest().getHeaders().getFirst("X-Client"), problems, meters);
        holding.filter(login("first"), slowHandler).subscribe();
        MockServerWebExchange second = login("second");

        StepVerifier.withVirtualTime(() -> holding.filter(second, slowHandler))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(249))
                .then(() -> assertThat(second.getResponse().isCommitted()).isFalse())
                .thenAwait(Duration.ofMillis(1))
                .verifyComplete();

        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(meters.get("latchkey.password.checks.shed").counter().count()).isEqualTo(1.0);
        assertThat(reachedHandler).hasValue(1);
    }

    @Test
    void oneClient_getsAQuarterOfThePlaces_andOthersStillGetIn() {
        admission.filter(login("flooder"), slowHandler).subscribe();
        admission.filter(login("flooder"), slowHandler).subscribe();
        MockServerWebExchange third = login("flooder");
        MockServerWebExchange someoneElse = login("user");

        admission.filter(third, slowHandler).block();
        admission.filter(someoneElse, slowHandler).subscribe();

        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(reachedHandler).hasValue(3);
    }

    @Test
    void requestsWhoseBodyHasNotArrived_holdNoPlace() {
        for (int i = 0; i < 20; i++) {
            MockServerWebExchange trickling = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login")
                    .header("X-Client", "slow-" + i).body(Flux.never()));
            admission.filter(trickling, slowHandler).subscribe();
        }

        admission.filter(login("user"), slowHandler).subscribe();

        assertThat(reachedHandler).hasValue(1);
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void theHandler_readsTheBodyTheFilterWaitedFor() {
        AtomicReference<String> read = new AtomicReference<>();
        WebFilterChain reading = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
                .doOnNext(buffer -> read.set(buffer.toString(StandardCharsets.UTF_8))).then();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login")
                .header("X-Client", "user").body("{\"email\":\"a@example.com\"}"));

        admission.filter(exchange, reading).block();

        assertThat(read).hasValue("{\"email\":\"a@example.com\"}");
    }

    @Test
    void givenTheLimitTaken_otherOperations_passUntouched() {
        for (int i = 0; i < 8; i++) {
            admission.filter(login("client-" + i), slowHandler).subscribe();
        }
        MockServerWebExchange me = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me"));
        MockServerWebExchange refresh = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/refresh"));

        admission.filter(me, exchange -> Mono.empty()).block();
        admission.filter(refresh, exchange -> Mono.empty()).block();

        assertThat(me.getResponse().getStatusCode()).isNull();
        assertThat(refresh.getResponse().getStatusCode()).isNull();
    }

    @Test
    void everyPasswordOperation_countsAgainstTheSameLimit() {
        for (int i = 0; i < 8; i++) {
            admission.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/accounts")
                    .header("X-Client", "c" + i)), slowHandler).subscribe();
        }
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {
                MockServerHttpRequest.post("/api/v1/auth/login").header("X-Client", "x").build(),
                MockServerHttpRequest.post("/api/v1/password-reset/confirm").header("X-Client", "x").build(),
                MockServerHttpRequest.post("/api/v1/me/password").header("X-Client", "x").build(),
                MockServerHttpRequest.post("/api/v1/me/step-up").header("X-Client", "x").build(),
                MockServerHttpRequest.delete("/api/v1/me").header("X-Client", "x").build()}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request);
            admission.filter(exchange, slowHandler).block();
            assertThat(exchange.getResponse().getStatusCode()).as(request.getMethod() + " " + request.getPath().value())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void aFinishedCancelledOrFailingRequest_givesItsPlaceBack() {
        admission.filter(login("a"), slowHandler).subscribe();
        Disposable abandoned = admission.filter(login("b"), slowHandler).subscribe();
        WebFilterChain throwing = exchange -> {
            throw new IllegalStateException("a filter that fails while assembling");
        };
        for (int i = 0; i < 6; i++) {
            admission.filter(login("thrower-" + i), throwing).onErrorComplete().block();
        }

        abandoned.dispose();
        release.tryEmitEmpty();

        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isZero();
        for (int i = 0; i < 8; i++) {
            admission.filter(login("next-" + i), exchange -> Mono.never()).subscribe();
        }
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isEqualTo(8.0);
    }

    @Test
    void theConsoleSignInForm_isShedLikeTheApiLogin_whenTheLimitIsTaken() {
        for (int i = 0; i < 8; i++) {
            admission.filter(login("client-" + i), slowHandler).subscribe();
        }
        MockServerWebExchange console = consoleSignIn("client-9");

        admission.filter(console, slowHandler).block();

        assertThat(reachedHandler).hasValue(8);
        assertThat(console.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(console.getResponse().getBodyAsString().block()).contains("overloaded");
    }

    @Test
    void anAdmittedConsoleSignIn_stillHasItsFormFields_forTheCsrfCheckAndTheHandler() {
        AtomicReference<String> email = new AtomicReference<>();
        AtomicReference<String> csrf = new AtomicReference<>();
        WebFilterChain handler = exchange -> exchange.getFormData().doOnNext(form -> {
            email.set(form.getFirst("email"));
            csrf.set(form.getFirst("_csrf"));
        }).then(exchange.getFormData()).doOnNext(again -> reachedHandler.incrementAndGet()).then();

        admission.filter(consoleSignIn("client-1"), handler).block();

        assertThat(email).hasValue("admin@example.com");
        assertThat(csrf).hasValue("token-1");
        assertThat(reachedHandler).hasValue(1);
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isZero();
    }

    private static MockServerWebExchange consoleSignIn(String client) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/admin/login").header("X-Client", client)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("email=admin%40example.com&password=secret&_csrf=token-1"));
    }

    private static MockServerWebExchange login(String client) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login").header("X-Client", client));
    }

}
