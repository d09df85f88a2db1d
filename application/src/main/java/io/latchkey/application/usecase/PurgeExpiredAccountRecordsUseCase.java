package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Deletes expired reset tokens and login-failure counts nobody has added to for a while; how many rows. */
public interface PurgeExpiredAccountRecordsUseCase {

    Mono<Long> purge(PurgeExpiredAccountRecordsCommand command);
}
