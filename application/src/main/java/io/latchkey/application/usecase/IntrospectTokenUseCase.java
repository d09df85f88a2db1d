package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** RFC 7662: tells a service whether an access token is live right now, and what it says. */
public interface IntrospectTokenUseCase {

    Mono<TokenIntrospection> introspect(IntrospectTokenCommand command);
}
