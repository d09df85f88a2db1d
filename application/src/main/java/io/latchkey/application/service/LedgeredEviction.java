package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.EventLedger;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles an event once per ledger, whichever cache it purges: check the ledger, purge what the event asks for,
 * then record it. A crash between purging and recording repeats a harmless purge instead of losing one.
 */
final class LedgeredEviction {

    private LedgeredEviction() {
    }

    /**
     * True on the event's first delivery, false for a duplicate. An event that purges nothing (a rotation, a sign-in)
     * is true without a ledger round trip: there is nothing a second delivery could repeat.
     */
    static Mono<Boolean> once(EventLedger ledger, EvictUserAuthStateCommand command,
            Function<UserId, Mono<Void>> evictUser, BiFunction<UserId, SessionId, Mono<Void>> evictSession) {
        if (command.evictsNothing()) {
            return Mono.just(true);
        }
        // Built only once the ledger has answered, so a duplicate purges nothing whatever the cache does on assembly.
        Mono<Void> purge = Mono.defer(() -> command.wholeUser()
                ? evictUser.apply(command.userId())
                : Flux.fromIterable(command.sessionIds()).concatMap(sid -> evictSession.apply(command.userId(), sid)).then());
        return ledger.isRecorded(command.eventId())
                .flatMap(seen -> seen ? Mono.just(false) : purge.then(ledger.record(command.eventId())));
    }
}
