package io.latchkey.application.usecase;

/** Keys primary adapters put into the Reactor context of a request for the use cases to read. */
public final class RequestContextKeys {

    /** The request id (also its MDC key on the lines a request logs). */
    public static final String REQUEST_ID = "requestId";

    private RequestContextKeys() {
    }
}
