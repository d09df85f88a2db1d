package io.latchkey.domain.port;

import io.latchkey.domain.model.passkey.PasskeyCeremony;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Pending WebAuthn ceremonies by challenge: short-lived and answered once. */
public interface PasskeyCeremonyStore {

    Mono<Void> save(String challenge, PasskeyCeremony ceremony, Duration ttl);

    /** Returns and removes the ceremony in one step; empty when unknown, expired or already taken. */
    Mono<PasskeyCeremony> take(String challenge);
}
