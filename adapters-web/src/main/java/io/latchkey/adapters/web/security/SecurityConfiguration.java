package io.latchkey.adapters.web.security;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.domain.error.AuthException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Stateless bearer-token security: every request is authenticated by {@link AuthenticateUseCase}
 * (token + live session check); there is no HTTP session, form login or basic auth.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String BEARER_PREFIX = "Bearer ";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AuthenticateUseCase authenticate, ProblemWriter problems,
            TokenSettings tokens) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager(authenticate));
        bearer.setServerAuthenticationConverter(bearerConverter(tokens.maxTokenLength()));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((filterExchange, failure) ->
                problems.authenticationFailed(filterExchange.getExchange(), failure));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/auth/login", "/api/v1/auth/refresh")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/**", "/actuator/health/**", "/actuator/health",
                                "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::missingCredentials)
                        .accessDeniedHandler((exchange, denied) -> problems.forbidden(exchange)))
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    private static ReactiveAuthenticationManager authenticationManager(AuthenticateUseCase authenticate) {
        return authentication -> authenticate
                .authenticate(new AuthenticateCommand((String) authentication.getCredentials()))
                .<Authentication>map(CallerAuthentication::new)
                .onErrorMap(AuthException.class, AuthenticationFailure::new);
    }

    /** Lifts {@code Authorization: Bearer <token>}; oversized tokens fail here, before any parsing. */
    private static ServerAuthenticationConverter bearerConverter(int maxTokenLength) {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
                return Mono.empty();
            }
            String token = header.substring(BEARER_PREFIX.length()).strip();
            if (token.isEmpty() || token.length() > maxTokenLength) {
                return Mono.just(new BearerToken(""));
            }
            return Mono.just(new BearerToken(token));
        };
    }
}
