package io.latchkey.adapters.web.console;

import io.latchkey.adapters.web.security.PasswordAdmission;
import io.latchkey.adapters.web.security.RequestPaths;
import io.latchkey.application.usecase.GetUserUseCase;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.domain.port.ConsoleSessionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The console's own filter chain for {@code /admin/**}, ahead of the API's bearer chain: a cookie session checked
 * by {@link ConsoleSessionFilter} instead of bearer tokens, and browser headers for pages: a Content-Security-Policy
 * that allows no inline script or style and nothing from another origin, no framing, no caching.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "latchkey.console.enabled", havingValue = "true")
public class ConsoleConfiguration {

    /** Scripts and styles only from this origin's files; forms post only here; no framing, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    ConsoleSessions consoleSessions(ConsoleSessionRepository repository, ConsoleSettings settings) {
        return new ConsoleSessions(repository, settings);
    }

    @Bean
    ConsoleMetrics consoleMetrics(MeterRegistry meters, ObjectProvider<InstantSource> clock) {
        return new ConsoleMetrics(meters, clock.getIfAvailable(InstantSource::system), Duration.ofMinutes(1));
    }

    @Bean
    @Order(0)
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ConsoleSessions sessions,
            ListSessionsUseCase listSessions, GetUserUseCase getUser, PasswordAdmission passwordAdmission) {
        return http
                .securityMatcher(RequestPaths.anyMethod("/admin", "/admin/**"))
                // The synchronizer token is checked by ConsoleSessionFilter against the server-side session.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                // The sign-in form runs Argon2id: shed with the API's password operations, before the session is read.
                .addFilterBefore(passwordAdmission.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(new ConsoleSessionFilter(sessions, listSessions, getUser), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }
}
