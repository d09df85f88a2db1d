package io.latchkey.domain.port;

import io.latchkey.domain.model.federation.FederatedGrant;
import io.latchkey.domain.model.federation.PendingAuthorization;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Short-lived, single-use state of federated sign-ins: each entry is read at most once (read and deleted in one
 * atomic step), so a replayed {@code state} or one-time code finds nothing.
 */
public interface FederationStateCache {

    Mono<Void> savePending(String state, PendingAuthorization pending, Duration ttl);

    /** The flow under {@code state}, removed; empty when unknown, expired or already taken. */
    Mono<PendingAuthorization> takePending(String state);

    Mono<Void> saveGrant(String code, FederatedGrant grant, Duration ttl);

    /** The grant under {@code code}, removed; empty when unknown, expired or already taken. */
    Mono<FederatedGrant> takeGrant(String code);

    /** Records a native ID token as used for {@code ttl}; false when it was already used (one atomic step). */
    Mono<Boolean> claimIdToken(String idToken, Duration ttl);
}
