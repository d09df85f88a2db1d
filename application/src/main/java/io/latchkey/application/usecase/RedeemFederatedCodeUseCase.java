package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.TokenPair;
import reactor.core.publisher.Mono;

/** Exchanges a one-time Latchkey code and the app's PKCE verifier for a federated session's token pair. */
public interface RedeemFederatedCodeUseCase {

    Mono<TokenPair> redeem(RedeemFederatedCodeCommand command);
}
