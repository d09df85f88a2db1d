package io.latchkey.application.service;

import io.latchkey.application.usecase.EvictLocalAuthStateUseCase;
import io.latchkey.application.usecase.EvictUserAuthStateCommand;
import io.latchkey.domain.port.EventLedger;
import io.latchkey.domain.port.NearAuthCache;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Purges this instance's near cache for an event, once per event id, and remembers the sessions a revocation ended
 * (on every delivery: remembering twice is harmless), so a shared cache that missed their purge cannot bring them back.
 */
public final class EvictLocalAuthStateService implements EvictLocalAuthStateUseCase {

    private final NearAuthCache near;
    private final EventLedger ledger;

    public EvictLocalAuthStateService(NearAuthCache near, EventLedger ledger) {
        this.near = near;
        this.ledger = ledger;
    }

    @Override
    public Mono<Boolean> evictLocal(EvictUserAuthStateCommand command) {
        return Mono.fromRunnable(() -> {
            Instant validUntil = command.accessTokensValidUntil();
            if (validUntil != null && !command.revokedSessionIds().isEmpty()) {
                near.rememberRevoked(command.revokedSessionIds(), validUntil);
            }
        }).then(LedgeredEviction.once(ledger, command, near::evictUser, near::evictSession));
    }
}
