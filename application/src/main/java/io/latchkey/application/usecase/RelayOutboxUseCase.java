package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Publishes due outbox messages to the event stream; safe to run on every instance at once. */
public interface RelayOutboxUseCase {

    Mono<RelayResult> relay(RelayOutboxCommand command);
}
