package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/**
 * A user's own recent security activity (sign-ins with device and address, failed sign-ins, password, factor,
 * identity and account changes, ended sessions), newest first, a page at a time.
 */
public interface ListMyActivityUseCase {

    Mono<AuditPage> list(ListMyActivityQuery query);
}
