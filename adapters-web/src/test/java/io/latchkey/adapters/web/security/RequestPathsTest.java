package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** Same answers as Spring Security's path matchers, for every pattern the security chains use. */
class RequestPathsTest {

    private static final List<String> PATHS = List.of("/ping", "/ping/", "/pingx", "/PING", "/.well-known/jwks.json",
            "/.well-known", "/.well-known/a/b", "/api/v1/auth/federation/google/authorize",
            "/api/v1/auth/federation/a/b/authorize", "/api/v1/auth/federation//authorize",
            "/api/v1/auth/federation/google/id-token", "/actuator/health", "/actuator/health/readiness",
            "/actuator/healthz", "/admin", "/admin/users", "/ADMIN", "/api/v1/me", "/%70ing", "/api/v1/me/../../ping",
            "/api/v1/admin/users", "/api/v1/admin", "/api/v1/admin/", "/API/V1/ADMIN/USERS", "/api/v1//admin/users",
            "/api/v1/admin;x=1/users", "/api/v1/admin/users;x=1", "/api/v1/admin%2Fusers", "/api/v1/auth/login",
            "/api/v1/auth/login/", "/api/v1/auth/login;jsessionid=1", "/api/v1/auth/LOGIN", "/swagger-ui/index.html",
            "/v3/api-docs", "/v3/api-docs/latchkey", "/webjars/x.js", "/");
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.HEAD,
            HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    @Test
    void givenTheChainsPatterns_answersAsSpringSecuritysPathMatchers() {
        assertSameAnswers(RequestPaths.of(HttpMethod.POST, SecurityConfiguration.PUBLIC_POSTS),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, SecurityConfiguration.PUBLIC_POSTS));
        assertSameAnswers(RequestPaths.of(HttpMethod.GET, SecurityConfiguration.FEDERATION_REDIRECTS),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, SecurityConfiguration.FEDERATION_REDIRECTS));
        assertSameAnswers(RequestPaths.anyMethod(SecurityConfiguration.ADMIN_API),
                ServerWebExchangeMatchers.pathMatchers(SecurityConfiguration.ADMIN_API));
        assertSameAnswers(RequestPaths.of(HttpMethod.GET, SecurityConfiguration.PUBLIC_GETS),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, SecurityConfiguration.PUBLIC_GETS));
        assertSameAnswers(RequestPaths.anyMethod("/admin", "/admin/**"),
                ServerWebExchangeMatchers.pathMatchers("/admin", "/admin/**"));
        assertSameAnswers(RequestPaths.anyMethod(SecurityConfiguration.INTROSPECT_PATH),
                ServerWebExchangeMatchers.pathMatchers(SecurityConfiguration.INTROSPECT_PATH));
    }

    @Test
    void givenOperations_matchesEachOnItsOwnMethodOnly() {
        RequestPaths operations = RequestPaths.ofOperations(List.of("POST /api/v1/auth/login", "DELETE /api/v1/me"));
        assertThat(matches(operations, HttpMethod.POST, "/api/v1/auth/login")).isTrue();
        assertThat(matches(operations, HttpMethod.DELETE, "/api/v1/me")).isTrue();
        assertThat(matches(operations, HttpMethod.GET, "/api/v1/me")).isFalse();
        assertThat(matches(operations, HttpMethod.DELETE, "/api/v1/auth/login")).isFalse();
        List<String> keys = List.copyOf(PasswordOperations.KEYS);
        ServerWebExchangeMatcher springs = new OrServerWebExchangeMatcher(keys.stream().map(key -> key.split(" ", 2))
                .map(parts -> ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1])).toList());
        assertSameAnswers(RequestPaths.ofOperations(keys), springs);
    }

    @Test
    void givenAContextPath_matchesThePathWithinTheApplication() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/base/ping").contextPath("/base"));
        assertThat(RequestPaths.anyMethod("/ping").matches(exchange).block().isMatch()).isTrue();
    }

    private static void assertSameAnswers(ServerWebExchangeMatcher ours, ServerWebExchangeMatcher springs) {
        for (HttpMethod method : METHODS) {
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
