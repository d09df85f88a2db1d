package io.latchkey.domain.port;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Remembers which events a consumer has handled, so a redelivered event is skipped. Consumers check, act,
 * then record: a crash between acting and recording repeats a harmless purge instead of losing one.
 */
public interface EventLedger {

    Mono<Boolean> isRecorded(UUID eventId);

    /** True the first time this event id is recorded, false if it already was. */
    Mono<Boolean> record(UUID eventId);
}
