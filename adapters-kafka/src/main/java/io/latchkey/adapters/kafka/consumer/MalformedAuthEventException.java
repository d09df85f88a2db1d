package io.latchkey.adapters.kafka.consumer;

/** A message on the auth-events topic that is not a v1 auth event: never retried, sent to the dead-letter topic. */
public final class MalformedAuthEventException extends RuntimeException {

    MalformedAuthEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    MalformedAuthEventException(String reason) {
        super(reason);
    }
}
