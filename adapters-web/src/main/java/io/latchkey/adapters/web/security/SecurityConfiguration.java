package io.latchkey.adapters.web.security;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.model.user.User;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Stateless security. API requests are authenticated by {@link AuthenticateUseCase} (token + live session
 * check); the introspection endpoint by configured service clients with HTTP Basic. No HTTP session, no
 * form login, no default user.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String INTROSPECT_PATH = "/api/v1/auth/introspect";
    static final String[] PUBLIC_POSTS = {"/api/v1/accounts", "/api/v1/accounts/email-verification",
        "/api/v1/accounts/email-verification/confirm", "/api/v1/password-reset", "/api/v1/password-reset/confirm",
        "/api/v1/auth/login", "/api/v1/auth/mfa", "/api/v1/auth/refresh", "/api/v1/auth/verify",
        "/api/v1/auth/passkeys/options", "/api/v1/auth/passkeys", "/api/v1/auth/mfa/passkey-options",
        "/api/v1/auth/federation/token", "/api/v1/auth/federation/*/id-token"};
    static final String[] FEDERATION_REDIRECTS = {"/api/v1/auth/federation/*/authorize",
        "/api/v1/auth/federation/*/callback"};
    static final String ADMIN_API = "/api/v1/admin/**";
    static final String[] PUBLIC_GETS = {"/ping", "/.well-known/**", "/actuator/health/**", "/actuator/health",
        "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**", "/webjars/**"};
    private static final String BASIC_PREFIX = "Basic ";

    @Bean
    @Order(1)
    SecurityWebFilterChain introspectionSecurity(ServerHttpSecurity http, IntrospectionClients clients,
            ProblemWriter problems, ObjectProvider<BrowserSecuritySettings> browsers) {
        AuthenticationWebFilter basic = new AuthenticationWebFilter(clientAuthentication(clients));
        basic.setServerAuthenticationConverter(basicConverter());
        basic.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        basic.setAuthenticationFailureHandler((filterExchange, failure) ->
                problems.clientUnauthorized(filterExchange.getExchange()));
        return stateless(http, browsers.getIfAvailable(BrowserSecuritySettings::none))
                .securityMatcher(RequestPaths.anyMethod(INTROSPECT_PATH))
                .authorizeExchange(exchanges -> exchanges.anyExchange().hasRole("INTROSPECTION_CLIENT"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problems.clientUnauthorized(exchange))
                        .accessDeniedHandler((exchange, denied) -> problems.forbidden(exchange)))
                .addFilterAt(basic, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, AuthenticateUseCase authenticate, ProblemWriter problems,
            TokenSettings tokens, ObjectProvider<BrowserSecuritySettings> browsers,
            PasswordAdmission passwordAdmission) {
        BrowserSecuritySettings browser = browsers.getIfAvailable(BrowserSecuritySettings::none);
        PasswordCheckAdmission admission = passwordAdmission.filter();
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(callerAuthentication(authenticate));
        bearer.setServerAuthenticationConverter(new BearerCredentials(tokens.maxTokenLength()));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((filterExchange, failure) ->
                problems.authenticationFailed(filterExchange.getExchange(), failure));
        return stateless(http, browser)
                .addFilterAt(new CorsPolicyFilter(browser, tokens.issuer(), problems), SecurityWebFiltersOrder.CORS)
                // After CORS, so a browser can read the 503's Retry-After; before authentication and every handler.
                .addFilterAfter(admission, SecurityWebFiltersOrder.CORS)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(RequestPaths.of(HttpMethod.POST, PUBLIC_POSTS)).permitAll()
                        // A bearer token, when sent, still authenticates: it turns a sign-in into a link.
                        .matchers(RequestPaths.of(HttpMethod.GET, FEDERATION_REDIRECTS)).permitAll()
                        .matchers(RequestPaths.anyMethod(ADMIN_API)).hasRole(User.ROLE_ADMIN)
                        .matchers(RequestPaths.of(HttpMethod.GET, PUBLIC_GETS)).permitAll()
                        .anyExchange().authenticated())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::missingCredentials)
                        .accessDeniedHandler((exchange, denied) -> problems.forbidden(exchange)))
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * No Spring Security observations (a timer and a span per filter-chain phase, authentication and authorization of
     * every request): the request's own observation ({@code http.server.requests} and its span) covers it, at a
     * fraction of their cost on the authenticated path.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** One admission for every chain that serves a password operation, so the API and the console share its places. */
    @Bean
    PasswordAdmission passwordAdmission(ProblemWriter problems, ObjectProvider<PasswordHashingSettings> hashing,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ClientAddressSource> clients) {
        ClientAddressSource addresses = clients.getIfAvailable(ClientAddressSource::remotePeer);
        PasswordHashingSettings hashingSettings = hashing.getIfAvailable(() -> PasswordHashingSettings.OWASP);
        return new PasswordAdmission(new PasswordCheckAdmission(hashingSettings.maxConcurrentChecks(),
                hashingSettings.shedHold(), addresses::of, problems, meters.getIfAvailable(SimpleMeterRegistry::new)));
    }

    /**
     * Declared as a bean so Spring Boot does not invent a default user with a generated password; it is the
     * introspection clients' manager.
     */
    @Bean
    ReactiveAuthenticationManager clientAuthentication(IntrospectionClients clients) {
        return authentication -> Mono.fromCallable(() -> {
            String id = authentication.getName();
            String secret = String.valueOf(authentication.getCredentials());
            if (!clients.accepts(id, secret)) {
                throw new BadCredentialsException("unknown client or wrong secret");
            }
            return (Authentication) UsernamePasswordAuthenticationToken.authenticated(id, null,
                    List.of(new SimpleGrantedAuthority("ROLE_INTROSPECTION_CLIENT")));
        });
    }

    /** Spring Security's strict firewall, with the header-value rule evaluated without a regular expression. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return firewall;
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http, BrowserSecuritySettings browser) {
        if (browser.behindTls()) {
            http.headers(headers -> headers.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable))
                    .addFilterAt(new HstsFilter(browser), SecurityWebFiltersOrder.FIRST);
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    private static ReactiveAuthenticationManager callerAuthentication(AuthenticateUseCase authenticate) {
        return authentication -> authenticate
                .authenticate(new AuthenticateCommand((String) authentication.getCredentials()))
                .<Authentication>map(CallerAuthentication::new)
                .onErrorMap(AuthException.class, AuthenticationFailure::new);
    }

    private static ServerAuthenticationConverter basicConverter() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BASIC_PREFIX, 0, BASIC_PREFIX.length())) {
                return Mono.empty();
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC_PREFIX.length()).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 1) {
                    return Mono.error(new BadCredentialsException("malformed Basic credentials"));
                }
                return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                        decoded.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return Mono.error(new BadCredentialsException("malformed Basic credentials"));
            }
        };
    }
}
