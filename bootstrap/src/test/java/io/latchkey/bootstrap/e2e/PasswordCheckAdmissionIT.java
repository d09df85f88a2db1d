package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A login flood on the running service: beyond the password checks it may have in flight, an instance answers
 * 503 {@code overloaded} with {@code Retry-After} at once, counts it, and serves the next login once the burst
 * is over.
 */
@TestPropertySource(properties = "latchkey.password.max-concurrent-checks=2")
class PasswordCheckAdmissionIT extends IntegrationTest {

    @Test
    void givenABurstBeyondTheLimit_theExcessIs503Overloaded_theRestLogIn_andTheNextLoginWorks() throws Exception {
        String email = uniqueEmail();
        register(email);
        double shedBefore = shedCount();
        AtomicInteger client = new AtomicInteger();
        ConcurrentLinkedQueue<EntityExchangeResult<String>> shed = new ConcurrentLinkedQueue<>();

        List<Integer> statuses = concurrently(24, () -> {
            EntityExchangeResult<String> result = http.post().uri("/api/v1/auth/login")
                    .header("X-Forwarded-For", "198.51.100." + client.incrementAndGet())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                    .exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() == 503) {
                shed.add(result);
            }
            return result.getStatus().value();
        });

        assertThat(statuses).containsOnly(200, 503).contains(200, 503);
        EntityExchangeResult<String> one = shed.peek();
        assertThat(one.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(one.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(one.getResponseBody()).contains("urn:problem:auth:overloaded");
        assertThat(shedCount() - shedBefore).isEqualTo(shed.size());
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isOk();
    }

    private double shedCount() {
        return prometheusScrape().lines().filter(line -> line.startsWith("latchkey_password_checks_shed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
