package io.latchkey.adapters.web;

import io.latchkey.application.usecase.GetProfileCommand;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The authenticated caller's own account. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final GetProfileUseCase profiles;

    MeController(GetProfileUseCase profiles) {
        this.profiles = profiles;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ProfileResponse> me(@AuthenticationPrincipal AuthenticatedCaller caller) {
        return profiles.getProfile(new GetProfileCommand(caller.userId())).map(ProfileResponse::from);
    }
}
