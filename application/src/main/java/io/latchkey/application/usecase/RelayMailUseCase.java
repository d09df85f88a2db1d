package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** One round of the mail relay: send due mails, drop expired ones, reschedule failures. */
public interface RelayMailUseCase {

    Mono<RelayResult> relay(RelayMailCommand command);
}
