package io.latchkey.adapters.web;

import io.latchkey.application.usecase.RegisterAccountUseCase;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Account registration. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final RegisterAccountUseCase register;

    AccountController(RegisterAccountUseCase register) {
        this.register = register;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ProfileResponse>> register(@RequestBody RegisterRequest request) {
        return register.register(request.toCommand())
                .map(profile -> ResponseEntity.created(URI.create("/api/v1/me")).body(ProfileResponse.from(profile)));
    }
}
