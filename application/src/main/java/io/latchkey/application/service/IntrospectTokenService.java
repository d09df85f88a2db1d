package io.latchkey.application.service;

import io.latchkey.application.usecase.IntrospectTokenCommand;
import io.latchkey.application.usecase.IntrospectTokenUseCase;
import io.latchkey.application.usecase.TokenIntrospection;
import io.latchkey.domain.error.InvalidAccessTokenException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.port.AccessTokenVerifier;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * RFC 7662 introspection with the same checks as authentication: a bad or revoked token is simply inactive;
 * a store that cannot answer is a 503, never an "active".
 */
public final class IntrospectTokenService implements IntrospectTokenUseCase {

    private final AccessTokenCheck check;

    public IntrospectTokenService(AccessTokenVerifier verifier, AuthCache cache, SessionRepository sessions,
            FallbackGate fallbackGate, InstantSource clock) {
        this.check = new AccessTokenCheck(verifier, cache, sessions, fallbackGate, clock);
    }

    @Override
    public Mono<TokenIntrospection> introspect(IntrospectTokenCommand command) {
        if (command.token() == null || command.token().isBlank()) {
            return Mono.just(TokenIntrospection.INACTIVE);
        }
        return check.check(command.token())
                .map(checked -> TokenIntrospection.active(checked.claims()))
                .onErrorResume(e -> e instanceof InvalidAccessTokenException || e instanceof SessionRevokedException,
                        e -> Mono.just(TokenIntrospection.INACTIVE));
    }
}
