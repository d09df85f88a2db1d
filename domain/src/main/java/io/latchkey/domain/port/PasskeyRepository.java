package io.latchkey.domain.port;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The durable record of each account's passkeys. */
public interface PasskeyRepository {

    /** Stores a new passkey; false (changing nothing) when its credential id is already registered. */
    Mono<Boolean> insert(Passkey passkey);

    Mono<Passkey> findByCredentialId(String credentialId);

    /** The account's passkeys, oldest first. */
    Flux<Passkey> findByUser(UserId userId);

    /** Renames the account's passkey {@code id}; empty when it has none with this id. */
    Mono<Passkey> rename(UserId userId, UUID id, String name);

    /** Removes the account's passkey {@code id}; false when it has none with this id. */
    Mono<Boolean> delete(UserId userId, UUID id);

    /**
     * Records a use with the authenticator's new signature counter, only if it is above the stored one (or both are
     * zero: an authenticator that keeps no counter): the one atomic check that refuses a cloned authenticator's
     * replayed or stale counter, however many requests present it at once.
     */
    Mono<Boolean> recordUse(String credentialId, long signCount, Instant now);

    /** Removes every passkey of the account; true when there was any. */
    Mono<Boolean> deleteAll(UserId userId);
}
