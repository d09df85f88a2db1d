package io.latchkey.application.usecase;

import java.util.List;
import reactor.core.publisher.Mono;

/** The caller's active sessions: the device list. */
public interface ListSessionsUseCase {

    Mono<List<SessionSummary>> listSessions(ListSessionsCommand command);
}
