package io.latchkey.application.usecase;

import io.latchkey.domain.model.federation.LinkedIdentity;
import java.util.List;
import reactor.core.publisher.Mono;

/** The external identities linked to an account. */
public interface ListIdentitiesUseCase {

    Mono<List<LinkedIdentity>> listIdentities(ListIdentitiesCommand command);
}
