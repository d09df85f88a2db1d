package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.error.DependencyUnavailableException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FallbackGateTest {

    private final FallbackGate gate = new FallbackGate(1);
    private final IllegalStateException cause = new IllegalStateException("redis down");

    @Test
    void givenOnePermit_aLookupChainedAfterAnotherGetsThePermitBack() {
        Mono<Integer> chained = gate.through(() -> Mono.just(1), cause)
                .flatMap(first -> gate.through(() -> Mono.just(first + 1), cause));
        StepVerifier.create(chained).expectNext(2).verifyComplete();
    }

    @Test
    void givenThePermitTaken_anotherLookupIsUnavailableAtOnce() {
        gate.through(Mono::never, cause).subscribe();
        StepVerifier.create(gate.through(() -> Mono.just(1), cause))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DependencyUnavailableException.class))
                .verify();
    }

    @Test
    void givenFailedOrCancelledLookups_thePermitIsReturnedOnce() {
        StepVerifier.create(gate.through(() -> Mono.error(new IllegalStateException()), cause)).expectError().verify();
        gate.through(Mono::never, cause).subscribe().dispose();
        StepVerifier.create(gate.through(() -> Mono.just(1), cause)).expectNext(1).verifyComplete();
        gate.through(Mono::never, cause).subscribe();
        StepVerifier.create(gate.through(() -> Mono.just(1), cause)).expectError(DependencyUnavailableException.class).verify();
    }
}
