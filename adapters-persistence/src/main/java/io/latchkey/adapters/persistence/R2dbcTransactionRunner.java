package io.latchkey.adapters.persistence;

import io.latchkey.domain.port.TransactionRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** One R2DBC transaction around a unit of work; a database outage surfaces as a 503-class failure. */
@Component
class R2dbcTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;

    R2dbcTransactionRunner(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return work.as(operator::transactional).onErrorMap(PostgresFailures::translate);
    }
}
