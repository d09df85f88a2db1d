package io.latchkey.domain.port;

import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.model.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The external identities linked to accounts; (provider, subject) is unique, and so is (account, provider). */
public interface IdentityLinkRepository {

    Mono<LinkedIdentity> find(String provider, String subject);

    Flux<LinkedIdentity> findByUser(UserId userId);

    /** The account's links, locked until the transaction ends, so concurrent unlinks see each other. */
    Flux<LinkedIdentity> findByUserForUpdate(UserId userId);

    /** Fails with {@code FederationException(IDENTITY_ALREADY_LINKED)} when either uniqueness would break. */
    Mono<LinkedIdentity> insert(LinkedIdentity identity);

    /** Whether a link of {@code provider} to the account existed and was removed. */
    Mono<Boolean> delete(UserId userId, String provider);
}
