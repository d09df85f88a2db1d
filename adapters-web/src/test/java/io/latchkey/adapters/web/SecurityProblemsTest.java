package io.latchkey.adapters.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.latchkey.adapters.web.security.IntrospectionClients;
import io.latchkey.adapters.web.security.TokenSettings;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.ChangePasswordUseCase;
import io.latchkey.application.usecase.DeleteAccountUseCase;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.application.usecase.UpdateProfileUseCase;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.SessionRevokedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** How the security chain answers when authentication cannot succeed: 401 variants and 503, all problem+json. */
@WebFluxTest(controllers = MeController.class)
class SecurityProblemsTest {

    @Autowired
    WebTestClient http;

    @MockitoBean
    AuthenticateUseCase authenticate;

    @MockitoBean
    GetProfileUseCase profiles;

    @MockitoBean
    UpdateProfileUseCase updateProfile;

    @MockitoBean
    ChangePasswordUseCase changePassword;

    @MockitoBean
    DeleteAccountUseCase deleteAccount;

    @MockitoBean
    RefreshTokenCookies cookies;

    @TestConfiguration
    @ComponentScan(basePackages = "io.latchkey.adapters.web.security",
            includeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.REGEX,
                    pattern = ".*(SecurityConfiguration|ProblemWriter)"),
            useDefaultFilters = false)
    @org.springframework.context.annotation.Import(io.latchkey.adapters.web.error.ProblemResponses.class)
    static class Beans {

        @Bean
        TokenSettings tokenSettings() {
            return new TokenSettings("https://auth.example", "api", "web", Duration.ofSeconds(60), 4096);
        }

        @Bean
        IntrospectionClients introspectionClients() {
            return new IntrospectionClients(Map.of());
        }
    }

    @Test
    void givenStoresDown_protectedRoute_is503WithRetryAfterNever401() {
        when(authenticate.authenticate(any()))
                .thenReturn(Mono.error(new DependencyUnavailableException("redis", new IllegalStateException())));
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer some.jwt.token").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:temporarily-unavailable");
        verifyNoInteractions(profiles);
    }

    @Test
    void givenRevokedSession_protectedRoute_is401InvalidToken() {
        when(authenticate.authenticate(any())).thenReturn(Mono.error(new SessionRevokedException()));
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer some.jwt.token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
        verifyNoInteractions(profiles);
    }

    @Test
    void givenNoCredentials_protectedRoute_is401WithBareChallengeAndNoLookup() {
        http.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.detail").isEqualTo("A bearer access token is required.");
        verifyNoInteractions(authenticate);
    }

    @Test
    void givenOversizedBearer_protectedRoute_isRejectedWithoutParsing() {
        when(authenticate.authenticate(any())).thenReturn(Mono.error(new SessionRevokedException()));
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + "a".repeat(5000)).exchange()
                .expectStatus().isUnauthorized();
        verify(authenticate).authenticate(argThat(command -> command.accessToken().isEmpty()));
    }
}
