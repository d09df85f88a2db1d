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
 * RFC 8414 metadata: where the keys and the introspection endpoint are. Latchkey is not an OAuth
 * authorization endpoint, so no response types are offered.
 */
@RestController
class DiscoveryController {

    private final Map<String, Object> metadata;

    DiscoveryController(TokenSettings tokens) {
        String issuer = tokens.issuer().endsWith("/") ? tokens.issuer().substring(0, tokens.issuer().length() - 1)
                : tokens.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", tokens.issuer());
        m.put("jwks_uri", issuer + "/.well-known/jwks.json");
        m.put("introspection_endpoint", issuer + "/api/v1/auth/introspect");
        m.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        m.put("response_types_supported", List.of());
        m.put("grant_types_supported", List.of("password", "refresh_token"));
        m.put("token_endpoint_auth_methods_supported", List.of("none"));
        m.put("access_token_signing_alg_values_supported", List.of("RS256"));
        this.metadata = Collections.unmodifiableMap(m);
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    ResponseEntity<Map<String, Object>> metadata() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(metadata);
    }
}
