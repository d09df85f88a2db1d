package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.SigningKeyRing;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public verification keys, served from memory so it works with every store down. */
@RestController
class JwksController {

    private static final String JWK_SET_MEDIA_TYPE = "application/jwk-set+json";

    private final SigningKeyRing keys;

    JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = {"application/json", JWK_SET_MEDIA_TYPE})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publishedJson());
    }
}
