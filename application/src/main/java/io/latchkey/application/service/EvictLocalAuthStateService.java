package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictLocalAuthStateUseCase;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.port.EventLedger;
import io.latchkey.domain.port.NearAuthCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Purges this instance's near cache for an event, once per event id. */
public final class EvictLocalAuthStateService implements EvictLocalAuthStateUseCase {

    private final NearAuthCache near;
    private final EventLedger ledger;

    public EvictLocalAuthStateService(NearAuthCache near, EventLedger ledger) {
        this.near = near;
        this.ledger = ledger;
    }

    @Override
    public Mono<Boolean> evictLocal(EvictUserAuthStateCommand command) {
        Mono<Void> purge = command.evictsNothing() ? Mono.empty() : command.wholeUser() ? near.evictUser(command.userId())
                : Flux.fromIterable(command.sessionIds()).concatMap(sid -> near.evictSession(command.userId(), sid)).then();
        return ledger.isRecorded(command.eventId())
                .flatMap(seen -> seen ? Mono.just(false) : purge.then(ledger.record(command.eventId())));
    }
}
