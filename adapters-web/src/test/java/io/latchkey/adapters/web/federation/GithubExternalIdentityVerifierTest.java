package io.latchkey.adapters.web.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The plain OAuth 2.0 client against a real HTTP server in this JVM answering like GitHub's token endpoint and its
 * user and emails API (response shapes as GitHub documents them), reached through the same routing as production.
 */
class GithubExternalIdentityVerifierTest {

    private static final URI CALLBACK = URI.create("https://auth.example.com/api/v1/auth/federation/github/callback");
    private static final String USER = """
            {"login":"octocat","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==","type":"User","name":"The Octocat",
             "email":"octocat@unverified.example","site_admin":false}""";

    private final AtomicReference<String> tokenResponse = new AtomicReference<>(
            "{\"access_token\":\"gho_16C7e42F292c6912E7710c838347Ae178B4a\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}");
    private final AtomicReference<String> emails = new AtomicReference<>();
    private final AtomicInteger apiStatus = new AtomicInteger(200);
    private final AtomicReference<String> tokenForm = new AtomicReference<>();
    private final AtomicReference<String> tokenAccept = new AtomicReference<>();
    private final AtomicReference<String> apiAuthorization = new AtomicReference<>();
    private HttpServer server;
    private RoutingExternalIdentityVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/login/oauth/access_token", exchange -> {
            tokenForm.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenAccept.set(exchange.getRequestHeaders().getFirst("Accept"));
            respond(exchange, 200, tokenResponse.get());
        });
        server.createContext("/api/user/emails", exchange -> respond(exchange, apiStatus.get(), emails.get()));
        server.createContext("/api/user", exchange -> {
            apiAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, apiStatus.get(), USER);
        });
        server.start();
        var endpoints = new OAuthEndpoints(URI.create(base + "/login/oauth/authorize"),
                URI.create(base + "/login/oauth/access_token"), URI.create(base + "/api/user"),
                URI.create(base + "/api/user/emails"));
        var settings = new FederationClientSettings(Map.of("github", new IdentityProviderSettings("github",
                URI.create("https://github.com"), "Iv1.client", "github-secret", List.of("read:user", "user:email"),
                Set.of(), endpoints)), Duration.ofSeconds(2), Duration.ofSeconds(60), null);
        verifier = new RoutingExternalIdentityVerifier(settings,
                new OidcExternalIdentityVerifier(settings, MutableInstantSource.atDefaultStart()),
                new GithubExternalIdentityVerifier(settings));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void primaryVerifiedAddress_becomesTheVerifiedEmail_andTheNumericIdTheSubject() {
        emails.set("""
                [{"email":"octocat@github.example","verified":true,"primary":true,"visibility":"public"},
                 {"email":"other@github.example","verified":true,"primary":false,"visibility":null}]""");

        ExternalIdentity identity = redeem();

        assertThat(identity.provider()).isEqualTo("github");
        assertThat(identity.subject()).isEqualTo("583231");
        assertThat(identity.email()).hasToString("octocat@github.example");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(tokenAccept.get()).isEqualTo("application/json");
        assertThat(tokenForm.get()).contains("code=the-code", "code_verifier=the-verifier", "client_id=Iv1.client",
                "redirect_uri=" + java.net.URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8));
        assertThat(apiAuthorization.get()).isEqualTo("Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a");
    }

    @Test
    void onlyUnverifiedAddresses_meanNoAddress_notTheProfileEmail() {
        emails.set("""
                [{"email":"octocat@unverified.example","verified":false,"primary":true,"visibility":"public"}]""");

        ExternalIdentity identity = redeem();

        assertThat(identity.subject()).isEqualTo("583231");
        assertThat(identity.email()).isNull();
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void unverifiedPrimary_withAVerifiedSecondary_takesNeither() {
        emails.set("""
                [{"email":"victim@corp.example","verified":false,"primary":true,"visibility":"private"},
                 {"email":"octocat@github.example","verified":true,"primary":false,"visibility":null}]""");

        ExternalIdentity identity = redeem();

        assertThat(identity.email()).isNull();
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void aRefusedCode_answeredWith200AndAnError_isRejected() {
        tokenResponse.set("""
                {"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.",
                 "error_uri":"https://docs.github.com/apps/troubleshooting"}""");
        emails.set("[]");

        assertThatThrownBy(this::redeem).isInstanceOfSatisfying(FederationException.class,
                e -> assertThat(e.code()).isEqualTo(AuthErrorCode.FEDERATION_REJECTED));
        assertThat(apiAuthorization.get()).isNull();
    }

    @Test
    void anApiAnswering5xx_isAnOutage_whileA401RefusesTheGrant() {
        emails.set("{\"message\":\"Server Error\"}");
        apiStatus.set(502);
        assertThatThrownBy(this::redeem).isInstanceOf(DependencyUnavailableException.class);

        apiStatus.set(401);
        emails.set("{\"message\":\"Bad credentials\"}");
        assertThatThrownBy(this::redeem).isInstanceOfSatisfying(FederationException.class,
                e -> assertThat(e.code()).isEqualTo(AuthErrorCode.FEDERATION_REJECTED));
    }

    @Test
    void theIdTokenEndpoint_refusesAProviderWithoutIdTokens() {
        assertThatThrownBy(() -> verifier.verifyIdToken("github", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "n").block())
                .isInstanceOfSatisfying(FederationException.class,
                        e -> assertThat(e.code()).isEqualTo(AuthErrorCode.ID_TOKEN_NOT_SUPPORTED));
    }

    @Test
    void theAuthorizationUri_carriesStateAndS256ButNoNonce() {
        URI uri = verifier.authorizationUri("github", CALLBACK, "the-state", "the-nonce", "the-challenge").block();

        var query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        assertThat(uri.getPath()).isEqualTo("/login/oauth/authorize");
        assertThat(query.getFirst("state")).isEqualTo("the-state");
        assertThat(query.getFirst("code_challenge")).isEqualTo("the-challenge");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("client_id")).isEqualTo("Iv1.client");
        assertThat(query).doesNotContainKey("nonce");
    }

    @Test
    void theClientSecret_staysOutOfTheSettingsText() {
        var settings = new IdentityProviderSettings("github", URI.create("https://github.com"), "Iv1.client",
                "github-secret", List.of(), Set.of(), OAuthEndpoints.github());

        assertThat(settings.toString()).doesNotContain("github-secret").contains("Iv1.client");
    }

    private ExternalIdentity redeem() {
        return verifier.redeem("github", CALLBACK, "the-code", "the-verifier", "unused-nonce").block();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
