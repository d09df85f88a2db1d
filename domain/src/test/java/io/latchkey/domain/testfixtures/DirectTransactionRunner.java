package io.latchkey.domain.testfixtures;

import io.latchkey.domain.port.TransactionRunner;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** Runs the work as is and counts units of work; atomicity itself is proven against PostgreSQL. */
public final class DirectTransactionRunner implements TransactionRunner {

    private final AtomicInteger transactions = new AtomicInteger();

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return Mono.defer(() -> {
            transactions.incrementAndGet();
            return work;
        });
    }

    public int count() {
        return transactions.get();
    }
}
