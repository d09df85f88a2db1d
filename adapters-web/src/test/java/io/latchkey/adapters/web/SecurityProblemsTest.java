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
    @Test
    void givenMalformedBearerHeader_protectedRoute_is400InvalidRequestWithoutLookingAtTheToken() {
        for (String header : java.util.List.of("Bearer  a.b.c", "Bearer\ta.b.c", "Bearer", "Bearer a.b.c d",
                "Bearer a.b.c,x", "Bearer =a.b.c")) {
            http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, header).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\".*")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request")
                    .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                            .as(header).contains("Bearer"));
        }
        verifyNoInteractions(authenticate, profiles);
    }

    @Test
    void givenSchemeInAnyCase_protectedRoute_takesTheToken() {
        when(authenticate.authenticate(any())).thenReturn(Mono.error(new SessionRevokedException()));
        for (String scheme : java.util.List.of("bearer", "BEARER", "bEaReR")) {
            http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, scheme + " a.b.c").exchange()
                    .expectStatus().isUnauthorized();
        }
        verify(authenticate, org.mockito.Mockito.times(3)).authenticate(argThat(c -> c.accessToken().equals("a.b.c")));
    }

    @Test
    void givenTokenInQueryString_withOrWithoutHeader_is400InvalidRequest() {
        http.get().uri("/api/v1/me?access_token=a.b.c").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\".*")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("query string"));
        http.get().uri("/api/v1/me?access_token=a.b.c").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
        verifyNoInteractions(authenticate, profiles);
    }

    @Test
    void givenTokenInFormBodyAndHeader_is400InvalidRequest() {
        http.patch().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData("access_token", "a.b.c"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("form body"));
        verifyNoInteractions(authenticate, updateProfile);
    }

    @Test
    void givenTwoAuthorizationHeaders_is400InvalidRequest() {
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c", "Bearer d.e.f").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
        verifyNoInteractions(authenticate);
    }

    @Test
    void givenNotBehindTls_responses_carryNoHsts() {
        http.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void givenUnparsableContentType_request_isJudgedOnItsCredentialsNotA500() {
        for (String contentType : java.util.List.of("x", "text/plain;charset=bogus",
                "application/x-www-form-urlencoded;charset=bogus")) {
            http.get().uri("/api/v1/me").header(HttpHeaders.CONTENT_TYPE, contentType).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("A bearer access token is required.");
        }
        when(authenticate.authenticate(any())).thenReturn(Mono.error(new SessionRevokedException()));
        http.get().uri("/api/v1/me").header(HttpHeaders.CONTENT_TYPE, "x")
                .header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
        verify(authenticate).authenticate(argThat(command -> command.accessToken().equals("a.b.c")));
    }

    @Test
    void givenFormBodyOverTheCodecLimit_is413ProblemJsonWithoutLookingAtTheToken() {
        byte[] form = ("padding=" + "a".repeat(300 * 1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        http.patch().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:content-too-large")
                .jsonPath("$.status").isEqualTo(413);
        verifyNoInteractions(authenticate, updateProfile);
    }

    @Test
    void givenMalformedFormBody_is400ProblemJsonWithoutLookingAtTheToken() {
        http.patch().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer a.b.c")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("name=%zz".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:bad-request")
                .jsonPath("$.detail").isEqualTo("The form body is not valid application/x-www-form-urlencoded.");
        verifyNoInteractions(authenticate, updateProfile);
    }
}
