package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictSharedAuthStateUseCase;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.port.EventLedger;
import io.latchkey.domain.port.UserAuthCache;
import reactor.core.publisher.Mono;

/**
 * Purges Redis for an event, once per event id. Only purges (which raise the generation): a duplicate,
 * late or replayed event can never make the cache accept more than before.
 */
public final class EvictSharedAuthStateService implements EvictSharedAuthStateUseCase {

    private final UserAuthCache cache;
    private final EventLedger ledger;

    public EvictSharedAuthStateService(UserAuthCache cache, EventLedger ledger) {
        this.cache = cache;
        this.ledger = ledger;
    }

    @Override
    public Mono<Boolean> evictShared(EvictUserAuthStateCommand command) {
        return LedgeredEviction.once(ledger, command, cache::evictUser, cache::evictSession);
    }
}
