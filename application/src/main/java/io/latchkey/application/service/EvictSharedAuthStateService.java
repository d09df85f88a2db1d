package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictSharedAuthStateUseCase;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.EventLedger;
import reactor.core.publisher.Mono;

/**
 * Purges the auth cache everywhere for an event (the shared tier, and through its announcement every instance), once
 * per event id for the whole cluster; skipped when the instance that caused the event already did it. Only purges
 * (which raise the purge count): a duplicate, late or replayed event can never make the cache accept more than before.
 */
public final class EvictSharedAuthStateService implements EvictSharedAuthStateUseCase {

    private final AuthCache cache;
    private final EventLedger ledger;

    public EvictSharedAuthStateService(AuthCache cache, EventLedger ledger) {
        this.cache = cache;
        this.ledger = ledger;
    }

    @Override
    public Mono<Boolean> evictShared(EvictUserAuthStateCommand command) {
        return LedgeredEviction.once(ledger, command, cache::evictUser, cache::evictSession);
    }
}
