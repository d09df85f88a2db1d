package io.latchkey.application.service;

import io.latchkey.application.usecase.RequestContextKeys;
import org.slf4j.Logger;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

/**
 * Logs with the request's id in the MDC, taken from the Reactor context where the web layer put it. Scoped to
 * the one log call: propagating the MDC through every operator of every request costs far more than the few
 * lines a request ever logs.
 */
final class RequestLogging {

    private RequestLogging() {
    }

    static Mono<Void> warn(Logger log, String format, Object... arguments) {
        return Mono.deferContextual(context -> {
            String id = context.getOrDefault(RequestContextKeys.REQUEST_ID, null);
            if (id != null) {
                MDC.put(RequestContextKeys.REQUEST_ID, id);
            }
            try {
                log.warn(format, arguments);
            } finally {
                if (id != null) {
                    MDC.remove(RequestContextKeys.REQUEST_ID);
                }
            }
            return Mono.empty();
        });
    }
}
