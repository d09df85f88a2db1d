package io.latchkey.adapters.persistence;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The W3C {@code traceparent} of the observation the caller runs in (the HTTP request writing an event), read from
 * the Reactor context where WebFlux keeps it, so no thread-local propagation is needed. Empty without tracing.
 */
@Component
class TraceParents {

    static final String HEADER = "traceparent";

    private final @Nullable Propagator propagator;

    @Autowired
    TraceParents(ObjectProvider<Propagator> propagator) {
        this(propagator.getIfAvailable());
    }

    TraceParents(@Nullable Propagator propagator) {
        this.propagator = propagator;
    }

    Mono<Optional<String>> current() {
        if (propagator == null) {
            return Mono.just(Optional.empty());
        }
        return Mono.deferContextual(context -> {
            Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            return Mono.just(Optional.ofNullable(observation).map(this::traceParentOf));
        });
    }

    private @Nullable String traceParentOf(Observation observation) {
        TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }
}
