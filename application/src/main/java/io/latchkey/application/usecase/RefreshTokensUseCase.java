package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.TokenPair;
import reactor.core.publisher.Mono;

/**
 * Exchanges a refresh token for a new pair, rotating it. A retry with the immediately previous token
 * inside the grace window gets the same successor; any other reuse revokes the whole session.
 */
public interface RefreshTokensUseCase {

    Mono<TokenPair> refresh(RefreshTokensCommand command);
}
