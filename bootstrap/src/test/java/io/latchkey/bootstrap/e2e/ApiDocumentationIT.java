package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.federation.CodeChallenge;
import io.latchkey.testsupport.OidcTestServer;
import io.latchkey.testsupport.ReceivedMail;
import io.latchkey.testsupport.TestInfrastructure;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document against the running service: every operation it lists is driven to its documented success
 * code (public ones without any credentials), every secured one refuses a call without credentials with 401 and
 * the documented scheme's challenge, and every answer to a call without credentials is one the document lists.
 */
class ApiDocumentationIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a different long passphrase";

    /** Drives one operation to success; returns the status the service answered. */
    @FunctionalInterface
    private interface Driver {
        int drive() throws Exception;
    }

    private OpenAPI document() {
        String json = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        return result.getOpenAPI();
    }

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    private static String successCode(String key, Operation operation) {
        // A redirect is the success of the browser-flow operations, which have no 2xx.
        List<String> success = operation.getResponses().keySet().stream()
                .filter(code -> code.startsWith("2") || code.equals("302")).toList();
        assertThat(success).as("%s documents exactly one success code", key).hasSize(1);
        return success.get(0);
    }

    private static List<String> schemes(Operation operation) {
        return operation.getSecurity() == null ? List.of()
                : operation.getSecurity().stream().map(SecurityRequirement::keySet).flatMap(java.util.Set::stream).toList();
    }

    @Test
    void givenApiDocs_theyDescribeSecurityErrorsAndRequiredFields() {
        OpenAPI api = document();
        Map<String, Operation> operations = operations(api);
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "introspectionClient");

        for (String open : List.of("POST /api/v1/password-reset", "POST /api/v1/password-reset/confirm",
                "POST /api/v1/accounts/email-verification", "POST /api/v1/accounts/email-verification/confirm",
                "POST /api/v1/auth/login", "POST /api/v1/auth/refresh")) {
            assertThat(schemes(operations.get(open))).as(open).isEmpty();
        }
        assertThat(successCode("register", operations.get("POST /api/v1/accounts"))).isEqualTo("202");
        assertThat(successCode("logout", operations.get("POST /api/v1/auth/logout"))).isEqualTo("204");
        for (String limited : List.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh")) {
            assertThat(operations.get(limited).getResponses()).as(limited).containsKeys("200", "400", "401", "403", "429", "503");
            assertThat(operations.get(limited).getResponses().get("429").getHeaders()).containsKey(HttpHeaders.RETRY_AFTER);
        }
        operations.forEach((key, operation) -> operation.getResponses().forEach((code, response) -> {
            if (!code.startsWith("2") && !code.equals("302")) {
                assertThat(response.getContent()).as("%s %s", key, code).containsKey("application/problem+json");
            }
        }));

        Map<String, Schema> schemas = api.getComponents().getSchemas();
        assertThat(schemas.get("LoginRequest").getRequired()).containsExactlyInAnyOrder("email", "password");
        assertThat(schemas.get("RegisterRequest").getRequired()).containsExactlyInAnyOrder("email", "password");
        Schema<?> password = (Schema<?>) schemas.get("RegisterRequest").getProperties().get("password");
        assertThat(password.getMinLength()).isEqualTo(8);
        assertThat(password.getMaxLength()).isEqualTo(128);
        assertThat(((Schema<?>) schemas.get("ConfirmVerificationRequest").getProperties().get("code")).getPattern())
                .isEqualTo("^[0-9]{6}$");
        assertThat(schemas.get("ConfirmResetRequest").getRequired()).containsExactlyInAnyOrder("token", "new_password");
        assertThat(schemas.get("ChangePasswordRequest").getRequired()).containsExactlyInAnyOrder("current_password", "new_password");
    }

    /** Secured operations refuse a call without credentials with the documented scheme; every answer is documented. */
    @TestFactory
    Stream<DynamicTest> givenEveryOperation_aCallWithoutCredentialsGetsADocumentedAnswer() {
        return operations(document()).entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String key = entry.getKey();
            Operation operation = entry.getValue();
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replace("{id}", UUID.randomUUID().toString())
                    .replace("{provider}", "google");
            WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path);
            if (operation.getRequestBody() != null) {
                if (operation.getRequestBody().getContent().containsKey(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                    request.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("token=x");
                } else {
                    request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
                }
            }
            EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            assertThat(operation.getResponses()).as("%s answered %d without credentials", key, status)
                    .containsKey(Integer.toString(status));
            List<String> schemes = schemes(operation);
            if (!schemes.isEmpty()) {
                assertThat(status).as(key).isEqualTo(401);
                String challenge = schemes.contains("introspectionClient") ? "Basic" : "Bearer";
                assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(key).startsWith(challenge);
            }
        }));
    }

    /**
     * The documented client errors are the ones the service gives: a body of the wrong type (415), malformed JSON
     * (400), a caller without the role (403), an unknown id (404), too many attempts (429).
     */
    @TestFactory
    Stream<DynamicTest> givenEveryOperation_itGivesTheDocumentedClientErrors() {
        Map<String, Operation> operations = operations(document());
        List<DynamicTest> tests = new java.util.ArrayList<>();
        operations.forEach((key, operation) -> {
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replace("{id}", UUID.randomUUID().toString())
                    .replace("{provider}", "google");
            List<String> schemes = schemes(operation);
            if (operation.getRequestBody() != null) {
                tests.add(DynamicTest.dynamicTest(key + " 415", () -> assertDocumented(key, operation,
                        credentials(schemes, http.method(HttpMethod.valueOf(method)).uri(path))
                                .contentType(MediaType.TEXT_PLAIN).bodyValue("x"), 415)));
                if (operation.getRequestBody().getContent().containsKey(MediaType.APPLICATION_JSON_VALUE)) {
                    tests.add(DynamicTest.dynamicTest(key + " 400", () -> assertDocumented(key, operation,
                            credentials(schemes, http.method(HttpMethod.valueOf(method)).uri(path))
                                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": "), 400)));
                }
            }
            if (path.startsWith("/api/v1/admin/")) {
                tests.add(DynamicTest.dynamicTest(key + " 403", () -> assertDocumented(key, operation,
                        http.method(HttpMethod.valueOf(method)).uri(path)
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenFor(registered())), 403)));
            }
            if (key.contains("{id}")) {
                tests.add(DynamicTest.dynamicTest(key + " 404", () -> assertDocumented(key, operation,
                        http.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION,
                                "Bearer " + (path.startsWith("/api/v1/admin/") ? adminToken() : accessTokenFor(registered()))), 404)));
            }
        });
        tests.add(DynamicTest.dynamicTest("POST /api/v1/auth/login 429", () -> {
            String email = registered();
            Map<String, String> wrong = Map.of("email", email, "password", "not the password at all");
            int status = 0;
            for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
                status = status(anonymous(HttpMethod.POST, "/api/v1/auth/login", wrong));
                assertThat(status).isIn(401, 429);
            }
            assertDocumented("POST /api/v1/auth/login", operations.get("POST /api/v1/auth/login"),
                    http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(wrong), 429);
        }));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/accounts/email-verification 429", () -> {
            String operation = "POST /api/v1/accounts/email-verification";
            Map<String, String> body = Map.of("email", uniqueEmail());
            assertThat(status(anonymous(HttpMethod.POST, "/api/v1/accounts/email-verification", body))).isEqualTo(202);
            assertDocumented(operation, operations.get(operation), http.post().uri("/api/v1/accounts/email-verification")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body), 429);
        }));
        return tests.stream();
    }

    private WebTestClient.RequestBodySpec credentials(List<String> schemes, WebTestClient.RequestBodySpec request) {
        if (schemes.contains("introspectionClient")) {
            return request.headers(headers -> headers.setBasicAuth(INTROSPECTION_CLIENT, INTROSPECTION_SECRET));
        }
        return schemes.isEmpty() ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenFor(registered()));
    }

    private static void assertDocumented(String key, Operation operation, WebTestClient.RequestHeadersSpec<?> request, int expected) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        assertThat(result.getStatus().value()).as("%s: %s", key, result).isEqualTo(expected);
        assertThat(operation.getResponses()).as(key).containsKey(Integer.toString(expected));
        assertThat(result.getResponseHeaders().getContentType()).as(key).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (expected == 429) {
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as(key).isNotBlank();
        }
    }

    /** Every documented operation reaches its documented success code on the real servers. */
    @TestFactory
    Stream<DynamicTest> givenEveryOperation_itReachesItsDocumentedSuccessCode() {
        Map<String, Operation> operations = operations(document());
        Map<String, Driver> drivers = drivers();
        assertThat(drivers.keySet()).as("a driver for every documented operation, and no other")
                .containsExactlyInAnyOrderElementsOf(operations.keySet());
        return operations.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String documented = successCode(entry.getKey(), entry.getValue());
            assertThat(drivers.get(entry.getKey()).drive()).as(entry.getKey()).isEqualTo(Integer.parseInt(documented));
        }));
    }

    /**
     * One way to succeed per operation. Public operations are driven through {@link #anonymous} only, so their
     * success proves that they need no credentials; secured ones carry the credentials their scheme names.
     */
    private Map<String, Driver> drivers() {
        Map<String, Driver> drivers = new LinkedHashMap<>();
        drivers.put("POST /api/v1/accounts", () -> status(anonymous(HttpMethod.POST, "/api/v1/accounts",
                Map.of("email", uniqueEmail(), "password", PASSWORD))));
        drivers.put("POST /api/v1/accounts/email-verification", () -> status(anonymous(HttpMethod.POST,
                "/api/v1/accounts/email-verification", Map.of("email", uniqueEmail()))));
        drivers.put("POST /api/v1/accounts/email-verification/confirm", () -> {
            String email = registered();
            return status(anonymous(HttpMethod.POST, "/api/v1/accounts/email-verification/confirm",
                    Map.of("email", email, "code", verificationCode(email))));
        });
        drivers.put("POST /api/v1/password-reset", () -> status(anonymous(HttpMethod.POST, "/api/v1/password-reset",
                Map.of("email", uniqueEmail()))));
        drivers.put("POST /api/v1/password-reset/confirm", () -> {
            String email = registered();
            assertThat(status(anonymous(HttpMethod.POST, "/api/v1/password-reset", Map.of("email", email)))).isEqualTo(202);
            return status(anonymous(HttpMethod.POST, "/api/v1/password-reset/confirm",
                    Map.of("token", resetToken(email), "new_password", NEW_PASSWORD)));
        });
        drivers.put("POST /api/v1/auth/login", () -> status(anonymous(HttpMethod.POST, "/api/v1/auth/login",
                Map.of("email", registered(), "password", PASSWORD))));
        drivers.put("POST /api/v1/auth/refresh", () -> status(anonymous(HttpMethod.POST, "/api/v1/auth/refresh",
                Map.of("refresh_token", login(registered()).get("refresh_token")))));
        drivers.put("POST /api/v1/auth/verify", () -> status(anonymous(HttpMethod.POST, "/api/v1/auth/verify",
                Map.of("token", accessTokenFor(registered())))));
        drivers.put("POST /api/v1/auth/logout", () -> status(bearer(HttpMethod.POST, "/api/v1/auth/logout", null)));
        drivers.put("POST /api/v1/auth/logout-all", () -> status(bearer(HttpMethod.POST, "/api/v1/auth/logout-all", null)));
        drivers.put("POST /api/v1/auth/introspect", () -> http.post().uri("/api/v1/auth/introspect")
                .headers(headers -> headers.setBasicAuth(INTROSPECTION_CLIENT, INTROSPECTION_SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("token=" + accessTokenFor(registered()))
                .exchange().expectBody().returnResult().getStatus().value());
        drivers.put("GET /api/v1/me", () -> status(bearer(HttpMethod.GET, "/api/v1/me", null)));
        drivers.put("PATCH /api/v1/me", () -> status(bearer(HttpMethod.PATCH, "/api/v1/me", Map.of("first_name", "Ada"))));
        drivers.put("DELETE /api/v1/me", () -> status(bearer(HttpMethod.DELETE, "/api/v1/me", Map.of("password", PASSWORD))));
        drivers.put("POST /api/v1/me/password", () -> status(bearer(HttpMethod.POST, "/api/v1/me/password",
                Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD))));
        drivers.put("GET /api/v1/me/sessions", () -> status(bearer(HttpMethod.GET, "/api/v1/me/sessions", null)));
        drivers.put("DELETE /api/v1/me/sessions/{id}", () -> {
            String email = registered();
            String other = sessionIdOf(accessTokenFor(email));
            return status(as(accessTokenFor(email), HttpMethod.DELETE, "/api/v1/me/sessions/" + other, null));
        });
        drivers.put("GET /api/v1/admin/users", () -> status(as(adminToken(), HttpMethod.GET, "/api/v1/admin/users?size=5", null)));
        drivers.put("GET /api/v1/admin/audit", () -> status(as(adminToken(), HttpMethod.GET, "/api/v1/admin/audit?size=5", null)));
        drivers.put("GET /api/v1/me/activity", () -> status(bearer(HttpMethod.GET, "/api/v1/me/activity", null)));
        drivers.put("POST /api/v1/admin/users/{id}/disable", () -> adminOnUser(HttpMethod.POST, "/disable"));
        drivers.put("POST /api/v1/admin/users/{id}/enable", () -> adminOnUser(HttpMethod.POST, "/enable"));
        drivers.put("DELETE /api/v1/admin/users/{id}/sessions", () -> adminOnUser(HttpMethod.DELETE, "/sessions"));
        drivers.put("DELETE /api/v1/admin/users/{id}", () -> adminOnUser(HttpMethod.DELETE, ""));
        drivers.put("POST /api/v1/auth/mfa", () -> {
            String email = registered();
            String secret = totpEnrolled(email, accessTokenFor(email));
            Map<?, ?> problem = anonymous(HttpMethod.POST, "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                    .expectStatus().isForbidden().expectBody(Map.class).returnResult().getResponseBody();
            return status(anonymous(HttpMethod.POST, "/api/v1/auth/mfa", Map.of("mfa_token", problem.get("mfa_token"),
                    "code", Rfc6238.code(secret, Instant.now(), 0))));
        });
        drivers.put("GET /api/v1/me/mfa", () -> status(bearer(HttpMethod.GET, "/api/v1/me/mfa", null)));
        drivers.put("POST /api/v1/me/mfa/totp", () -> status(bearer(HttpMethod.POST, "/api/v1/me/mfa/totp", null)));
        drivers.put("POST /api/v1/me/mfa/totp/confirm", () -> {
            String access = accessTokenFor(registered());
            String secret = (String) as(access, HttpMethod.POST, "/api/v1/me/mfa/totp", null).expectBody(Map.class)
                    .returnResult().getResponseBody().get("secret");
            return status(as(access, HttpMethod.POST, "/api/v1/me/mfa/totp/confirm",
                    Map.of("code", Rfc6238.code(secret, Instant.now(), 0))));
        });
        drivers.put("DELETE /api/v1/me/mfa/totp", () -> status(as(steppedUpWithTotp(), HttpMethod.DELETE,
                "/api/v1/me/mfa/totp", null)));
        drivers.put("POST /api/v1/me/mfa/recovery-codes", () -> status(as(steppedUpWithTotp(), HttpMethod.POST,
                "/api/v1/me/mfa/recovery-codes", null)));
        drivers.put("POST /api/v1/me/step-up", () -> status(bearer(HttpMethod.POST, "/api/v1/me/step-up",
                Map.of("password", PASSWORD))));
        drivers.put("DELETE /api/v1/admin/users/{id}/mfa", () -> adminOnUser(HttpMethod.DELETE, "/mfa"));
        drivers.put("GET /.well-known/jwks.json", () -> status(anonymous(HttpMethod.GET, "/.well-known/jwks.json", null)));
        drivers.put("GET /.well-known/latchkey-configuration", () -> status(anonymous(HttpMethod.GET,
                "/.well-known/latchkey-configuration", null)));
        drivers.put("GET /ping", () -> status(anonymous(HttpMethod.GET, "/ping", null)));
        drivers.put("GET /api/v1/auth/federation/{provider}/authorize", () -> status(anonymous(HttpMethod.GET,
                authorizeUri(CodeChallenge.of(VERIFIER).value()), null)));
        drivers.put("GET /api/v1/auth/federation/{provider}/callback", () -> status(anonymous(HttpMethod.GET,
                providerReturn(null), null)));
        drivers.put("POST /api/v1/auth/federation/token", () -> status(anonymous(HttpMethod.POST,
                "/api/v1/auth/federation/token", Map.of("code", federationCode(), "code_verifier", VERIFIER))));
        drivers.put("POST /api/v1/auth/federation/{provider}/id-token", () -> {
            String idToken = TestInfrastructure.shared().oidc().idToken(OidcTestServer.GOOGLE_LIKE, "api-" + UUID.randomUUID(),
                    List.of(OidcTestServer.CLIENT_ID), Map.of("email", uniqueEmail(), "email_verified", true, "nonce", "n"), 300);
            return status(anonymous(HttpMethod.POST, "/api/v1/auth/federation/google/id-token",
                    Map.of("id_token", idToken, "nonce", "n")));
        });
        drivers.put("GET /api/v1/me/identities", () -> status(bearer(HttpMethod.GET, "/api/v1/me/identities", null)));
        drivers.put("DELETE /api/v1/me/identities/{provider}", () -> {
            String token = accessTokenFor(registered());
            String linked = providerReturn(token);
            assertThat(status(anonymous(HttpMethod.GET, linked, null))).isEqualTo(302);
            return status(as(token, HttpMethod.DELETE, "/api/v1/me/identities/google", null));
        });
        drivers.put("GET /api/v1/admin/users/{id}/identities", () -> adminOnUser(HttpMethod.GET, "/identities"));
        PasskeyClient passkeys = new PasskeyClient(http);
        drivers.put("POST /api/v1/me/passkeys/registration-options", () -> status(as(accessTokenFor(verified()),
                HttpMethod.POST, "/api/v1/me/passkeys/registration-options", null)));
        drivers.put("POST /api/v1/me/passkeys", () -> {
            String access = accessTokenFor(verified());
            return status(as(access, HttpMethod.POST, "/api/v1/me/passkeys", Map.of("name", "Laptop",
                    "credential", new SoftwareAuthenticator().create(passkeys.registrationOptions(access)))));
        });
        drivers.put("GET /api/v1/me/passkeys", () -> status(bearer(HttpMethod.GET, "/api/v1/me/passkeys", null)));
        drivers.put("PATCH /api/v1/me/passkeys/{id}", () -> {
            String access = accessTokenFor(verified());
            Object id = passkeys.register(access, new SoftwareAuthenticator(), "Laptop").get("id");
            return status(as(access, HttpMethod.PATCH, "/api/v1/me/passkeys/" + id, Map.of("name", "Phone")));
        });
        drivers.put("DELETE /api/v1/me/passkeys/{id}", () -> {
            String access = accessTokenFor(verified());
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
            Object id = passkeys.register(access, authenticator, "Laptop").get("id");
            return status(as(passkeys.stepUp(access, authenticator), HttpMethod.DELETE, "/api/v1/me/passkeys/" + id, null));
        });
        drivers.put("POST /api/v1/me/step-up/passkey-options", () -> {
            String access = accessTokenFor(verified());
            passkeys.register(access, new SoftwareAuthenticator(), "Laptop");
            return status(as(access, HttpMethod.POST, "/api/v1/me/step-up/passkey-options", null));
        });
        drivers.put("POST /api/v1/auth/passkeys/options", () -> status(anonymous(HttpMethod.POST,
                "/api/v1/auth/passkeys/options", null)));
        drivers.put("POST /api/v1/auth/passkeys", () -> {
            SoftwareAuthenticator authenticator = new SoftwareAuthenticator(true);
            passkeys.register(accessTokenFor(verified()), authenticator, "Phone");
            return status(anonymous(HttpMethod.POST, "/api/v1/auth/passkeys",
                    Map.of("credential", authenticator.get(passkeys.signInOptions()))));
        });
        drivers.put("POST /api/v1/auth/mfa/passkey-options", () -> {
            String email = verified();
            passkeys.register(accessTokenFor(email), new SoftwareAuthenticator(), "Laptop");
            Map<?, ?> problem = anonymous(HttpMethod.POST, "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                    .expectStatus().isForbidden().expectBody(Map.class).returnResult().getResponseBody();
            return status(anonymous(HttpMethod.POST, "/api/v1/auth/mfa/passkey-options",
                    Map.of("mfa_token", problem.get("mfa_token"))));
        });
        return drivers;
    }

    /** Enrols and confirms TOTP with the previous step's code (this step's and the next stay unused); the secret. */
    private String totpEnrolled(String email, String access) throws InterruptedException {
        String secret = (String) as(access, HttpMethod.POST, "/api/v1/me/mfa/totp", null).expectBody(Map.class)
                .returnResult().getResponseBody().get("secret");
        long left = 30_000 - Instant.now().toEpochMilli() % 30_000;
        if (left < 12_000) {
            Thread.sleep(left + 100);
        }
        assertThat(status(as(access, HttpMethod.POST, "/api/v1/me/mfa/totp/confirm",
                Map.of("code", Rfc6238.code(secret, Instant.now(), -1))))).isEqualTo(200);
        return secret;
    }

    /** An access token of a TOTP account whose session just stepped up with the second factor. */
    private String steppedUpWithTotp() throws InterruptedException {
        String email = registered();
        String access = accessTokenFor(email);
        String secret = totpEnrolled(email, access);
        return (String) as(access, HttpMethod.POST, "/api/v1/me/step-up", Map.of("code", Rfc6238.code(secret, Instant.now(), 0)))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("access_token");
    }

    private static final String VERIFIER = "api-documentation-verifier-" + UUID.randomUUID();

    private static String authorizeUri(String challenge) {
        return "/api/v1/auth/federation/google/authorize?redirect_uri=" + APP_REDIRECT + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    /** Starts a browser flow (a link when {@code bearer} is given) and lets the provider answer: the callback URI. */
    private String providerReturn(String bearer) throws Exception {
        OidcTestServer oidc = TestInfrastructure.shared().oidc();
        oidc.nextUser(OidcTestServer.GOOGLE_LIKE, "api-" + UUID.randomUUID(),
                Map.of("email", uniqueEmail(), "email_verified", true));
        WebTestClient.ResponseSpec start = bearer == null
                ? anonymous(HttpMethod.GET, authorizeUri(CodeChallenge.of(VERIFIER).value()), null)
                : as(bearer, HttpMethod.GET, authorizeUri(CodeChallenge.of(VERIFIER).value()), null);
        java.net.URI atProvider = start.expectStatus().isFound().expectBody().returnResult().getResponseHeaders().getLocation();
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(atProvider).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        java.net.URI callback = java.net.URI.create(answer.headers().firstValue("Location").orElseThrow());
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    /** A one-time code from a completed browser flow, for {@link #VERIFIER}. */
    private String federationCode() throws Exception {
        java.net.URI app = http.get().uri(providerReturn(null)).exchange().expectStatus().isFound()
                .expectBody().returnResult().getResponseHeaders().getLocation();
        return org.springframework.web.util.UriComponentsBuilder.fromUri(app).build().getQueryParams().getFirst("code");
    }

    private String verified() {
        String email = uniqueEmail();
        registerVerified(email);
        return email;
    }

    private String registered() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    private WebTestClient.ResponseSpec anonymous(HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec bearer(HttpMethod method, String uri, Object body) {
        return as(accessTokenFor(registered()), method, uri, body);
    }

    private WebTestClient.ResponseSpec as(String accessToken, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private int adminOnUser(HttpMethod method, String suffix) throws Exception {
        String email = registered();
        return status(as(adminToken(), method, "/api/v1/admin/users/" + userId(email) + suffix, null));
    }

    private static int status(WebTestClient.ResponseSpec response) {
        return response.expectBody().returnResult().getStatus().value();
    }

    private String adminToken() throws Exception {
        // The administrator is set up once the application is ready; wait for it rather than race it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var result = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                    .expectBody(Map.class).returnResult();
            if (result.getStatus().value() == 200) {
                return (String) Objects.requireNonNull(result.getResponseBody()).get("access_token");
            }
            assertThat(System.nanoTime()).as("the configured administrator can log in").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String resetToken(String email) {
        ReceivedMail mail = awaitMail(email, "Reset your password");
        Matcher token = Pattern.compile("^\\s+([A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE).matcher(mail.body());
        assertThat(token.find()).as("a token in %s", mail.body()).isTrue();
        return token.group(1);
    }

}
