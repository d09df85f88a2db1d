package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.TokenSettings;
import io.latchkey.application.usecase.IntrospectTokenCommand;
import io.latchkey.application.usecase.IntrospectTokenUseCase;
import io.latchkey.application.usecase.TokenIntrospection;
import io.latchkey.domain.model.token.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * RFC 7662 token introspection for services that want a live answer (a revoked token is inactive at once).
 * Callers authenticate as configured clients with HTTP Basic; see {@code IntrospectionSecurity}.
 */
@RestController
class IntrospectionController {

    private final IntrospectTokenUseCase introspect;
    private final TokenSettings tokens;

    IntrospectionController(IntrospectTokenUseCase introspect, TokenSettings tokens) {
        this.introspect = introspect;
        this.tokens = tokens;
    }

    @Operation(operationId = "introspect", summary = "RFC 7662 introspection, for configured clients (HTTP Basic)",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(type = "object", requiredProperties = "token"),
                    schemaProperties = @SchemaProperty(name = "token", schema = @Schema(type = "string",
                            description = "the access token to look at")))))
    @ApiResponse(responseCode = "200", description = "{\"active\": true, …claims} for a live token (sub, sid, jti, "
            + "iat, exp, scope, roles, amr, auth_time, idp for a federated sign-in), else {\"active\": false}")
    @PostMapping(path = "/api/v1/auth/introspect", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> introspect(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> introspect.introspect(new IntrospectTokenCommand(form.getFirst("token"))))
                .map(result -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body(result)));
    }

    private Map<String, Object> body(TokenIntrospection result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", result.active());
        AccessTokenClaims claims = result.claims();
        if (result.active() && claims != null) {
            body.put("token_type", "Bearer");
            body.put("iss", tokens.issuer());
            body.put("aud", tokens.audience());
            body.put("sub", claims.subject().toString());
            body.put("sid", claims.sessionId().toString());
            body.put("jti", claims.id().toString());
            body.put("iat", claims.issuedAt().getEpochSecond());
            body.put("exp", claims.expiresAt().getEpochSecond());
            body.put("scope", String.join(" ", new TreeSet<>(claims.roles())));
            body.put("roles", new TreeSet<>(claims.roles()).stream().toList());
            body.put("amr", claims.amr());
            body.put("auth_time", claims.authTime().getEpochSecond());
            if (claims.idp() != null) {
                body.put("idp", claims.idp());
            }
        }
        return body;
    }
}
