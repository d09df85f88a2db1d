package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.TokenSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Latchkey's own metadata document. It is deliberately not RFC 8414 authorization-server metadata: that
 * document requires a {@code token_endpoint} speaking RFC 6749 (form-encoded {@code grant_type} requests) and
 * {@code response_types_supported}, and Latchkey has neither an OAuth token endpoint (login and refresh take
 * JSON of their own shape) nor an authorization endpoint. Members that mean what RFC 8414 / RFC 7662 define
 * ({@code issuer}, {@code jwks_uri}, {@code introspection_endpoint} and its auth methods) keep their names;
 * Latchkey's own endpoints get names of their own, so no OAuth client mistakes them for OAuth endpoints.
 */
@RestController
class DiscoveryController {

    static final String PATH = "/.well-known/latchkey-configuration";

    private final Map<String, Object> metadata;

    DiscoveryController(TokenSettings tokens) {
        String base = tokens.issuer().endsWith("/") ? tokens.issuer().substring(0, tokens.issuer().length() - 1)
                : tokens.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", tokens.issuer());
        m.put("jwks_uri", base + "/.well-known/jwks.json");
        m.put("introspection_endpoint", base + "/api/v1/auth/introspect");
        m.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        m.put("access_token_signing_alg_values_supported", List.of("RS256"));
        m.put("login_endpoint", base + "/api/v1/auth/login");
        m.put("refresh_endpoint", base + "/api/v1/auth/refresh");
        m.put("logout_endpoint", base + "/api/v1/auth/logout");
        m.put("verify_endpoint", base + "/api/v1/auth/verify");
        m.put("account_registration_endpoint", base + "/api/v1/accounts");
        this.metadata = Collections.unmodifiableMap(m);
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> metadata() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(metadata);
    }
}
