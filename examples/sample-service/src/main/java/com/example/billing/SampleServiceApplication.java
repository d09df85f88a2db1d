package com.example.billing;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers {@code GET /whoami} for any caller with a valid, unrevoked Latchkey access token. It lives in its own
 * package, as a downstream service does, so Latchkey's component scan of {@code io.latchkey} never sees it.
 */
@SpringBootApplication
@RestController
public class SampleServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleServiceApplication.class, args);
    }

    @GetMapping("/whoami")
    Map<String, Object> whoami(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("user_id", jwt.getSubject(), "session_id", jwt.getClaimAsString("sid"));
    }
}
