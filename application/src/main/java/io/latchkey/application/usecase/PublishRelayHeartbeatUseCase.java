package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Publishes the relay's heartbeat when the outbox is keeping up; true when one was published. */
public interface PublishRelayHeartbeatUseCase {

    Mono<Boolean> publish(PublishRelayHeartbeatCommand command);
}
