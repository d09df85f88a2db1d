package io.latchkey.domain.port;

import reactor.core.publisher.Mono;

/** Runs a unit of work in one database transaction: all of its writes commit, or none do. */
public interface TransactionRunner {

    <T> Mono<T> inTransaction(Mono<T> work);
}
