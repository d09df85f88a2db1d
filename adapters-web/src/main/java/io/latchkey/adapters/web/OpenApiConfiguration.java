package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.SecurityConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: operations come from the controllers; this adds the security
 * schemes, which operations need which, and the problem+json answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";
    static final String INTROSPECTION_CLIENT = "introspectionClient";
    private static final String PROBLEM = "Problem";
    private static final Set<String> PUBLIC = Set.of("/api/v1/accounts", "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/verify", "/.well-known/jwks.json", "/.well-known/latchkey-configuration", "/ping");

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
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> addAnswers(path, operation)));
        };
    }

    private static void addAnswers(String path, Operation operation) {
        if (path.equals(SecurityConfiguration.INTROSPECT_PATH)) {
            operation.addSecurityItem(new SecurityRequirement().addList(INTROSPECTION_CLIENT));
            problem(operation, "401", "Client authentication failed");
        } else if (!PUBLIC.contains(path)) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            problem(operation, "401", "Missing, invalid or revoked access token (WWW-Authenticate: Bearer)");
        }
        if (operation.getRequestBody() != null) {
            problem(operation, "400", "Invalid input; `errors` names each bad field");
        }
        if (path.startsWith("/api/")) {
            problem(operation, "503", "A store needed for the decision is down; retry after Retry-After seconds");
        }
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() != null && operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
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
