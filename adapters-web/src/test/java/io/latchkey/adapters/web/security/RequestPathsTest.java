package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** Same answers as Spring Security's path matchers, for the kinds of pattern the security chains use. */
class RequestPathsTest {

    private static final String[] PATTERNS = {"/ping", "/.well-known/**", "/api/v1/auth/federation/*/authorize",
        "/actuator/health", "/actuator/health/**", "/admin"};
    private static final List<String> PATHS = List.of("/ping", "/ping/", "/pingx", "/.well-known/jwks.json",
            "/.well-known", "/.well-known/a/b", "/api/v1/auth/federation/google/authorize",
            "/api/v1/auth/federation/a/b/authorize", "/api/v1/auth/federation//authorize", "/actuator/health",
            "/actuator/health/readiness", "/actuator/healthz", "/admin", "/admin/users", "/ADMIN", "/api/v1/me",
            "/%70ing", "/api/v1/me/../../ping");

    @Test
    void givenOneMethod_answersAsSpringSecuritysPathMatchers() {
        assertSameAnswers(RequestPaths.of(HttpMethod.GET, PATTERNS),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATTERNS));
    }

    @Test
    void givenAnyMethod_answersAsSpringSecuritysPathMatchers() {
        assertSameAnswers(RequestPaths.anyMethod(PATTERNS), ServerWebExchangeMatchers.pathMatchers(PATTERNS));
    }

    @Test
    void givenOperations_matchesEachOnItsOwnMethodOnly() {
        RequestPaths operations = RequestPaths.ofOperations(List.of("POST /api/v1/auth/login", "DELETE /api/v1/me"));
        assertThat(matches(operations, HttpMethod.POST, "/api/v1/auth/login")).isTrue();
        assertThat(matches(operations, HttpMethod.DELETE, "/api/v1/me")).isTrue();
        assertThat(matches(operations, HttpMethod.GET, "/api/v1/me")).isFalse();
        assertThat(matches(operations, HttpMethod.DELETE, "/api/v1/auth/login")).isFalse();
    }

    @Test
    void givenAContextPath_matchesThePathWithinTheApplication() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/base/ping").contextPath("/base"));
        assertThat(RequestPaths.anyMethod("/ping").matches(exchange).block().isMatch()).isTrue();
    }

    private static void assertSameAnswers(ServerWebExchangeMatcher ours, ServerWebExchangeMatcher springs) {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.HEAD)) {
            for (String path : PATHS) {
                assertThat(matches(ours, method, path)).as("%s %s", method, path)
                        .isEqualTo(matches(springs, method, path));
            }
        }
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, HttpMethod method, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
        return matcher.matches(exchange).block().isMatch();
    }
}
