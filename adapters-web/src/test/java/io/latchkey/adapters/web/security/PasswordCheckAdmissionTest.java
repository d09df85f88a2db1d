package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.adapters.web.error.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

class PasswordCheckAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PasswordCheckAdmission admission = new PasswordCheckAdmission(2,
            new ProblemWriter(new ProblemResponses(JsonMapper.builder().build())), meters);
    private final Sinks.Empty<Void> release = Sinks.empty();
    private final AtomicInteger reachedHandler = new AtomicInteger();
    private final WebFilterChain slowHandler = exchange -> {
        reachedHandler.incrementAndGet();
        return release.asMono();
    };

    @Test
    void givenLimitTaken_nextPasswordRequest_is503WithRetryAfterAndNeverReachesTheHandler() {
        admission.filter(login(), slowHandler).subscribe();
        admission.filter(login(), slowHandler).subscribe();
        MockServerWebExchange third = login();

        admission.filter(third, slowHandler).block();

        assertThat(reachedHandler).hasValue(2);
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(third.getResponse().getBodyAsString().block()).contains("\"type\"", "overloaded", "Retry-After");
        assertThat(meters.get("latchkey.password.checks.shed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void givenLimitTaken_otherOperations_passUntouched() {
        admission.filter(login(), slowHandler).subscribe();
        admission.filter(login(), slowHandler).subscribe();
        MockServerWebExchange me = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me"));
        MockServerWebExchange refresh = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/refresh"));

        admission.filter(me, exchange -> Mono.empty()).block();
        admission.filter(refresh, exchange -> Mono.empty()).block();

        assertThat(me.getResponse().getStatusCode()).isNull();
        assertThat(refresh.getResponse().getStatusCode()).isNull();
    }

    @Test
    void everyPasswordOperation_countsAgainstTheSameLimit() {
        admission.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/accounts")), slowHandler).subscribe();
        admission.filter(MockServerWebExchange.from(MockServerHttpRequest.delete("/api/v1/me")), slowHandler).subscribe();
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {MockServerHttpRequest.post("/api/v1/auth/login").build(),
                MockServerHttpRequest.post("/api/v1/password-reset/confirm").build(),
                MockServerHttpRequest.post("/api/v1/me/password").build()}) {
            MockServerWebExchange exchange = MockServerWebExchange.from(request);
            admission.filter(exchange, slowHandler).block();
            assertThat(exchange.getResponse().getStatusCode()).as(request.getPath().value())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void aFinishedOrCancelledRequest_givesItsPlaceBack() {
        admission.filter(login(), slowHandler).subscribe();
        Disposable abandoned = admission.filter(login(), slowHandler).subscribe();

        abandoned.dispose();
        release.tryEmitEmpty();
        admission.filter(login(), exchange -> Mono.never()).subscribe();
        admission.filter(login(), exchange -> Mono.never()).subscribe();
        MockServerWebExchange third = login();
        admission.filter(third, exchange -> Mono.never()).subscribe();

        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(meters.get("latchkey.password.checks.in.flight").gauge().value()).isEqualTo(2.0);
    }

    private static MockServerWebExchange login() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login"));
    }
}
