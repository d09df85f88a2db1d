package io.latchkey.sample;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers {@code GET /whoami} for any caller with a valid, unrevoked Latchkey access token. */
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
