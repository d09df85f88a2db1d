package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictLocalAuthStateUseCase;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.EventLedger;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Purges this instance's copy of the auth cache for an event, once per event id (the instance that caused the event
 * recorded it when it purged), and remembers the sessions a revocation ended (on every delivery: remembering twice is
 * harmless), so a shared cache that missed their purge cannot bring them back.
 */
public final class EvictLocalAuthStateService implements EvictLocalAuthStateUseCase {

    private final AuthCache cache;
    private final EventLedger ledger;

    public EvictLocalAuthStateService(AuthCache cache, EventLedger ledger) {
        this.cache = cache;
        this.ledger = ledger;
    }

    @Override
    public Mono<Boolean> evictLocal(EvictUserAuthStateCommand command) {
        return Mono.fromRunnable(() -> {
            Instant validUntil = command.accessTokensValidUntil();
            if (validUntil != null && !command.revokedSessionIds().isEmpty()) {
                cache.rememberRevoked(command.revokedSessionIds(), validUntil);
            }
        }).then(LedgeredEviction.once(ledger, command, cache::evictLocalUser, cache::evictLocalSession));
    }
}
