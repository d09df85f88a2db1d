package io.latchkey.adapters.web;

import io.latchkey.domain.error.AuthException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code latchkey.logins{outcome}} and {@code latchkey.refreshes{outcome}}: success, or the failure's code
 * (e.g. {@code invalid_credentials}, {@code refresh_token_reused}, {@code dependency_unavailable}).
 */
@Component
class AuthOutcomes {

    private final MeterRegistry meters;

    AuthOutcomes(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> Mono<T> login(Mono<T> attempt) {
        return counted("latchkey.logins", "Login attempts by outcome", attempt);
    }

    <T> Mono<T> refresh(Mono<T> attempt) {
        return counted("latchkey.refreshes", "Refresh attempts by outcome (refresh_token_reused = reuse detected)", attempt);
    }

    private <T> Mono<T> counted(String name, String description, Mono<T> attempt) {
        return attempt
                .doOnSuccess(result -> counter(name, description, "success").increment())
                .doOnError(e -> counter(name, description, e instanceof AuthException auth
                        ? auth.code().name().toLowerCase(Locale.ROOT) : "error").increment());
    }

    private Counter counter(String name, String description, String outcome) {
        return Counter.builder(name).description(description).tag("outcome", outcome).register(meters);
    }
}
