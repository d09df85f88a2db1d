package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/**
 * The audit trail for administrators, newest first, filtered by account, type and time, a page at a time; a bad
 * filter or cursor is an {@code InvalidInputException} naming the field.
 */
public interface ListAuditEventsUseCase {

    Mono<AuditPage> list(ListAuditEventsQuery query);
}
