package io.latchkey.adapters.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.latchkey.adapters.web.security.BrowserSecuritySettings;
import io.latchkey.adapters.web.security.IntrospectionClients;
import io.latchkey.adapters.web.security.TokenSettings;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.application.usecase.ChangePasswordUseCase;
import io.latchkey.application.usecase.DeleteAccountUseCase;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.application.usecase.UpdateProfileUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * CORS by allow-list and HSTS behind TLS: a listed origin's preflight is answered without credentials and its
 * requests get the CORS headers; any other origin is refused with problem+json before authentication.
 */
@WebFluxTest(controllers = MeController.class)
class BrowserAccessTest {

    private static final String ALLOWED = "https://app.example";
    private static final String REFUSED = "https://evil.example";
    /** Absolute, as on a real server: CORS compares the Origin with the request's own scheme, host and port. */
    private static final String ME = "http://localhost/api/v1/me";

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
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*(SecurityConfiguration|ProblemWriter)"),
            useDefaultFilters = false)
    @Import(io.latchkey.adapters.web.error.ProblemResponses.class)
    static class Beans {

        @Bean
        TokenSettings tokenSettings() {
            return new TokenSettings("https://auth.example", "api", "web", Duration.ofSeconds(60), 4096);
        }

        @Bean
        IntrospectionClients introspectionClients() {
            return new IntrospectionClients(Map.of());
        }

        @Bean
        BrowserSecuritySettings browserSecuritySettings() {
            return new BrowserSecuritySettings(List.of(ALLOWED), true, Duration.ofDays(180), false);
        }
    }

    private WebTestClient.ResponseSpec preflight(String origin, String method) {
        return http.options().uri(ME)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange();
    }

    @Test
    void givenListedOrigin_preflight_isAnsweredWithoutCredentialsAndAllowsThem() {
        preflight(ALLOWED, "PATCH")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ".*PATCH.*")
                .expectHeader().valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "(?i).*authorization.*")
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        verifyNoInteractions(authenticate);
    }

    @Test
    void givenListedOrigin_actualRequest_getsTheCorsHeadersOnItsAnswer() {
        AuthenticatedCaller caller = new AuthenticatedCaller(new UserId(UUID.randomUUID()),
                new SessionId(UUID.randomUUID()), Set.of("USER"), true);
        when(authenticate.authenticate(any())).thenReturn(Mono.just(caller));
        when(profiles.getProfile(any())).thenReturn(Mono.empty());
        http.get().uri(ME).header(HttpHeaders.ORIGIN, ALLOWED).header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }

    @Test
    void givenListedOriginWithoutToken_actualRequest_is401ThatTheBrowserMayRead() {
        http.get().uri(ME).header(HttpHeaders.ORIGIN, ALLOWED).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenUnlistedOrigin_preflight_isRefusedWithProblemJsonAndNoCorsHeaders() {
        preflight(REFUSED, "GET")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:origin-not-allowed");
        verifyNoInteractions(authenticate);
    }

    @Test
    void givenUnlistedOrigin_actualRequest_isRefusedBeforeAuthentication() {
        http.get().uri(ME).header(HttpHeaders.ORIGIN, REFUSED).header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:origin-not-allowed")
                .jsonPath("$.detail").isEqualTo("This request's origin is not allowed to call this API from a browser.");
        verifyNoInteractions(authenticate, profiles);
    }

    @Test
    void givenOriginThatIsNotAUrl_request_isRefusedAsNotAllowedNotA500() {
        for (String origin : List.of("http://x:abc", "https://a b")) {
            http.get().uri(ME).header(HttpHeaders.ORIGIN, origin).header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:origin-not-allowed")
                    .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                            .as(origin).doesNotContain(origin).doesNotContain("latchkey."));
        }
        verifyNoInteractions(authenticate, profiles);
    }

    @Test
    void givenListedOrigin_actualRequestWithAMethodTheApiDoesNotAllow_isRefusedWithoutSpeakingOfAPreflight() {
        http.put().uri(ME).header(HttpHeaders.ORIGIN, ALLOWED).header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:cors-rejected")
                .jsonPath("$.detail").isEqualTo("This method is not allowed across origins.");
        verifyNoInteractions(authenticate);
    }

    @Test
    void givenNoOrigin_response_stillVariesOnOriginOnce() {
        http.get().uri(ME).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().values(HttpHeaders.VARY, vary -> org.assertj.core.api.Assertions.assertThat(vary)
                        .containsOnlyOnce(HttpHeaders.ORIGIN));
        http.get().uri(ME).header(HttpHeaders.ORIGIN, ALLOWED).exchange()
                .expectHeader().values(HttpHeaders.VARY, vary -> org.assertj.core.api.Assertions.assertThat(vary)
                        .containsOnlyOnce(HttpHeaders.ORIGIN));
        http.get().uri(ME).header(HttpHeaders.ORIGIN, REFUSED).exchange()
                .expectHeader().values(HttpHeaders.VARY, vary -> org.assertj.core.api.Assertions.assertThat(vary)
                        .containsOnlyOnce(HttpHeaders.ORIGIN));
    }

    @Test
    void givenListedOrigin_preflightForAMethodTheApiDoesNotAllow_isRefusedWithProblemJson() {
        preflight(ALLOWED, "PUT")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:cors-rejected");
    }

    @Test
    void givenTheServicesOwnOrigin_request_isNotTreatedAsCrossOrigin() {
        http.get().uri(ME).header(HttpHeaders.ORIGIN, "https://auth.example").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void givenBehindTls_everyResponse_carriesHsts() {
        http.get().uri(ME).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=15552000");
        preflight(REFUSED, "GET").expectHeader().valueEquals("Strict-Transport-Security", "max-age=15552000");
    }
}
