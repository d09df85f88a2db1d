package io.latchkey.application.service;

import io.latchkey.application.usecase.AuthenticateCommand;
import io.latchkey.application.usecase.AuthenticateUseCase;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.NearAuthCache;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.UserAuthCache;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/** Authenticates a request's bearer token: signature and claims locally, then the live session check. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final AccessTokenCheck check;

    public AuthenticateService(AccessTokenVerifier verifier, NearAuthCache near, UserAuthCache cache,
            SessionRepository sessions,
            FallbackGate fallbackGate, InstantSource clock) {
        this.check = new AccessTokenCheck(verifier, near, cache, sessions, fallbackGate, clock);
    }

    @Override
    public Mono<AuthenticatedCaller> authenticate(AuthenticateCommand command) {
        return check.check(command.accessToken()).map(checked -> checked.snapshot().caller());
    }
}
