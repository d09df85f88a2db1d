package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document parses cleanly and lists every endpoint, with security and problem answers. */
class ApiDocumentationIT extends IntegrationTest {

    @Test
    void givenApiDocs_theyValidateAndListEveryEndpoint() {
        String json = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        OpenAPI api = result.getOpenAPI();

        Map<String, PathItem.HttpMethod[]> expected = Map.ofEntries(
                Map.entry("/api/v1/accounts", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/login", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/refresh", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/logout", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/logout-all", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/verify", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/auth/introspect", new PathItem.HttpMethod[] {PathItem.HttpMethod.POST}),
                Map.entry("/api/v1/me", new PathItem.HttpMethod[] {PathItem.HttpMethod.GET}),
                Map.entry("/api/v1/me/sessions", new PathItem.HttpMethod[] {PathItem.HttpMethod.GET}),
                Map.entry("/api/v1/me/sessions/{id}", new PathItem.HttpMethod[] {PathItem.HttpMethod.DELETE}),
                Map.entry("/.well-known/jwks.json", new PathItem.HttpMethod[] {PathItem.HttpMethod.GET}),
                Map.entry("/.well-known/latchkey-configuration", new PathItem.HttpMethod[] {PathItem.HttpMethod.GET}));
        assertThat(api.getPaths().keySet()).containsAll(expected.keySet());
        expected.forEach((path, methods) -> assertThat(api.getPaths().get(path).readOperationsMap().keySet())
                .as(path).contains(methods));

        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "introspectionClient");
        assertThat(api.getPaths().get("/api/v1/me").getGet().getSecurity()).isNotEmpty();
        assertThat(api.getPaths().get("/api/v1/auth/login").getPost().getSecurity()).isNullOrEmpty();
        assertThat(api.getPaths().get("/api/v1/auth/login").getPost().getResponses()).containsKeys("200", "400", "503");
        assertThat(api.getPaths().get("/api/v1/me").getGet().getResponses().get("401").getContent())
                .containsKey("application/problem+json");
    }
}
