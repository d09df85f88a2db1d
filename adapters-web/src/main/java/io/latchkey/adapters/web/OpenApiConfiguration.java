package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.SecurityConfiguration;
import io.latchkey.adapters.web.security.PasswordOperations;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI document at {@code /v3/api-docs}: operations come from the controllers; this adds the security
 * schemes, which operations need which, and the problem+json answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String INTROSPECTION_CLIENT = "introspectionClient";
    private static final String PROBLEM = "Problem";
    /** Paths anyone may call; must match the permitAll rules of {@link SecurityConfiguration}. */
    static final Set<String> PUBLIC = Set.of("/api/v1/accounts", "/api/v1/accounts/email-verification",
            "/api/v1/accounts/email-verification/confirm", "/api/v1/password-reset", "/api/v1/password-reset/confirm",
            "/api/v1/auth/login", "/api/v1/auth/mfa", "/api/v1/auth/refresh", "/api/v1/auth/verify", "/.well-known/jwks.json",
            "/.well-known/latchkey-configuration", "/ping", "/api/v1/auth/federation/{provider}/authorize",
            "/api/v1/auth/federation/{provider}/callback", "/api/v1/auth/federation/token",
            "/api/v1/auth/federation/{provider}/id-token", "/api/v1/auth/passkeys/options", "/api/v1/auth/passkeys",
            "/api/v1/auth/mfa/passkey-options");
    /** Operations behind a rate limit or the per-address lockout (latchkey.rate-limits.limits, docs/operations.md). */
    private static final Set<String> RATE_LIMITED = Set.of("POST /api/v1/accounts",
            "POST /api/v1/accounts/email-verification", "POST /api/v1/accounts/email-verification/confirm",
            "POST /api/v1/password-reset", "POST /api/v1/password-reset/confirm", "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh", "POST /api/v1/me/password", "DELETE /api/v1/me", "POST /api/v1/auth/mfa",
            "POST /api/v1/me/step-up", "POST /api/v1/me/mfa/totp/confirm", "GET /api/v1/auth/federation/{provider}/authorize",
            "POST /api/v1/auth/federation/token", "POST /api/v1/auth/federation/{provider}/id-token",
            "POST /api/v1/auth/passkeys/options", "POST /api/v1/auth/passkeys", "POST /api/v1/auth/mfa/passkey-options");
    private static final String STEP_UP = "step-up-required: authenticate again through POST /api/v1/me/step-up "
            + "(WWW-Authenticate: Bearer error=\"insufficient_user_authentication\"); or a missing, invalid or revoked "
            + "access token";
    /** Answers particular to one operation, beyond those every operation of its kind gives. */
    private static final Map<String, Map<String, String>> SPECIFIC = Map.ofEntries(
            Map.entry("POST /api/v1/auth/login", Map.of(
                    "401", "invalid-credentials: unknown address or wrong password (the same answer for both)",
                    "403", "mfa-required: the account has a second factor; the problem carries error=mfa_required, "
                            + "mfa_token (single use), mfa_methods and expires_in: complete with POST /api/v1/auth/mfa. "
                            + "Or account-disabled; or email-not-verified when "
                            + "latchkey.accounts.login-requires-verified-email is on")),
            Map.entry("POST /api/v1/auth/mfa", Map.of(
                    "400", "invalid-second-factor: a wrong or already used code (the attempt counts); invalid-passkey: "
                            + "a passkey assertion that does not verify (the attempt counts); or invalid input",
                    "401", "invalid-mfa-token: unknown, expired, out of attempts or already completed",
                    "429", "too-many-requests: the account's second factor is locked, or the address used up the "
                            + "per-IP login limit (logins and completions count together)",
                    "403", "account-disabled; or email-not-verified")),
            Map.entry("POST /api/v1/auth/passkeys", Map.of(
                    "400", "invalid-passkey: unknown, expired or reused challenge, wrong origin or rp id, a credential "
                            + "not registered, no user verification, a bad signature or a counter that did not rise; "
                            + "or invalid input",
                    "403", "account-disabled; or email-not-verified")),
            Map.entry("POST /api/v1/auth/mfa/passkey-options", Map.of(
                    "400", "invalid-passkey: the account has no passkey; or invalid input",
                    "401", "invalid-mfa-token: unknown, expired, out of attempts or already completed")),
            Map.entry("POST /api/v1/me/passkeys/registration-options", Map.of("401", STEP_UP)),
            Map.entry("POST /api/v1/me/passkeys", Map.of("401", STEP_UP,
                    "400", "invalid-passkey: unknown, expired or reused challenge, wrong origin or rp id, an "
                            + "attestation that does not verify, or a credential already registered; or invalid input")),
            Map.entry("DELETE /api/v1/me/passkeys/{id}", Map.of("401", STEP_UP,
                    "404", "passkey-not-found: no passkey of the caller with this id")),
            Map.entry("PATCH /api/v1/me/passkeys/{id}", Map.of(
                    "404", "passkey-not-found: no passkey of the caller with this id")),
            Map.entry("POST /api/v1/me/step-up/passkey-options", Map.of(
                    "400", "invalid-passkey: the account has no passkey")),
            Map.entry("POST /api/v1/me/mfa/totp", Map.of("401", STEP_UP,
                    "409", "factor-conflict: TOTP is already active")),
            Map.entry("POST /api/v1/me/mfa/totp/confirm", Map.of(
                    "400", "invalid-second-factor: the code is wrong (counts towards the second-factor lockout); "
                            + "or invalid input",
                    "409", "factor-conflict: no enrolment is pending",
                    "429", "too-many-requests: the account's second factor is locked")),
            Map.entry("DELETE /api/v1/admin/users/{id}/mfa", Map.of(
                    "400", "invalid-input: the administrator's own id; they use DELETE /api/v1/me/mfa/totp, which "
                            + "asks for a step-up with the factor")),
            Map.entry("DELETE /api/v1/me/mfa/totp", Map.of("401", STEP_UP, "409", "factor-conflict: no TOTP factor")),
            Map.entry("POST /api/v1/me/mfa/recovery-codes", Map.of("401", STEP_UP,
                    "409", "factor-conflict: no active TOTP factor")),
            Map.entry("POST /api/v1/me/step-up", Map.of(
                    "400", "incorrect-password, invalid-second-factor, invalid-passkey, or invalid input (which answer "
                            + "the account needs)")),
            Map.entry("POST /api/v1/me/password", Map.of("401", STEP_UP)),
            Map.entry("DELETE /api/v1/me", Map.of("401", STEP_UP)),
            Map.entry("POST /api/v1/auth/refresh", Map.of(
                    "401", "invalid-refresh-token (unknown, expired, revoked; in cookie mode also a missing or wrong "
                            + "X-CSRF-Token), or refresh-token-reused: the whole session is revoked",
                    "403", "account-disabled")),
            Map.entry("POST /api/v1/auth/verify", Map.of("401", "The token is not valid or its session is no longer live")),
            Map.entry("DELETE /api/v1/me/sessions/{id}", Map.of("404", "session-not-found: no such session of the caller")),
            Map.entry("GET /api/v1/auth/federation/{provider}/authorize", Map.of(
                    "400", "redirect-uri-not-allowed (never a redirect), or a missing or invalid S256 code_challenge",
                    "404", "unknown-identity-provider",
                    "503", "The identity provider (or a store) did not answer; retry after Retry-After seconds")),
            Map.entry("GET /api/v1/auth/federation/{provider}/callback", Map.of(
                    "400", "invalid-federation-grant: unknown, expired or already used state (never a redirect)",
                    "404", "unknown-identity-provider")),
            Map.entry("POST /api/v1/auth/federation/token", Map.of(
                    "400", "invalid-federation-grant: unknown, expired or used code, or a wrong code_verifier (the code is burned)",
                    "403", "account-disabled; or email-not-verified when latchkey.accounts.login-requires-verified-email is on")),
            Map.entry("POST /api/v1/auth/federation/{provider}/id-token", Map.of(
                    "400", "invalid-federation-grant: the ID token is not valid for this provider and nonce; email-required; "
                            + "or id-token-not-supported for a plain OAuth 2.0 provider (GitHub)",
                    "403", "account-disabled; or email-not-verified when latchkey.accounts.login-requires-verified-email is on",
                    "404", "unknown-identity-provider",
                    "409", "account-exists: an account has this address; log in with it, then link the provider",
                    "503", "The identity provider's keys (or a store) could not be reached; retry after Retry-After seconds")),
            Map.entry("DELETE /api/v1/me/identities/{provider}", Map.of(
                    "404", "identity-not-linked",
                    "409", "last-sign-in-method: the account has no password and no other linked identity")));

    @Bean
    OpenAPI latchkeyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Latchkey").version("v1")
                        .description("JWT authentication: accounts, sessions, rotating refresh tokens, JWKS, introspection. "
                                + "Every error is RFC 9457 problem+json with a stable type urn:problem:auth:<slug>."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token from login or refresh (RS256, typ at+jwt)."))
                        .addSecuritySchemes(INTROSPECTION_CLIENT, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A configured introspection client (latchkey.introspection.clients).")));
    }

    @Bean
    OpenApiCustomizer problemsAndSecurity() {
        // Schemas are added here: springdoc rebuilds the component schemas from the controllers after the bean.
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> addAnswers(method + " " + path, path, operation)));
        };
    }

    private static void addAnswers(String key, String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        // springdoc adds a 200 for every ResponseEntity; the controllers declare their real success code.
        if (responses.containsKey("200") && responses.keySet().stream()
                .anyMatch(code -> (code.startsWith("2") || code.startsWith("3")) && !code.equals("200"))) {
            responses.remove("200");
        }
        SPECIFIC.getOrDefault(key, Map.of()).forEach((status, description) -> problem(operation, status, description));
        if (path.equals(SecurityConfiguration.INTROSPECT_PATH)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(INTROSPECTION_CLIENT)));
            problem(operation, "401", "Client authentication failed (WWW-Authenticate: Basic)");
        } else if (PUBLIC.contains(path)) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            problem(operation, "401", "Missing, invalid or revoked access token (WWW-Authenticate: Bearer)");
        }
        if (path.startsWith("/api/v1/admin/")) {
            problem(operation, "403", "forbidden: the caller is not an administrator");
            if (path.contains("{id}")) {
                problem(operation, "404", "user-not-found");
            }
        }
        if (operation.getRequestBody() != null) {
            problem(operation, "400", "Invalid input (`errors` names each bad field), a missing body, or malformed JSON");
            problem(operation, "415", "The body was not sent with the Content-Type the operation takes");
        } else if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            problem(operation, "400", "A parameter is missing or not of the expected type");
        }
        if (RATE_LIMITED.contains(key)) {
            problem(operation, "429", "too-many-requests: a rate limit or the address's lockout; retry after Retry-After seconds")
                    .addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter());
        }
        if (PasswordOperations.KEYS.contains(key)) {
            problem(operation, "503", "temporarily-unavailable: a store needed for the decision is down; or overloaded: "
                    + "more password checks are in flight on this instance than it serves promptly. Retry after Retry-After seconds")
                    .addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter());
        } else if (path.startsWith("/api/")) {
            problem(operation, "503", "A store needed for the decision is down; retry after Retry-After seconds")
                    .addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter());
        }
    }

    private static ApiResponse problem(Operation operation, String status, String description) {
        ApiResponse existing = operation.getResponses().get(status);
        if (existing != null) {
            return existing;
        }
        ApiResponse response = new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        operation.getResponses().addApiResponse(status, response);
        return response;
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before retrying").schema(new IntegerSchema());
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:problem:auth:invalid-input"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
