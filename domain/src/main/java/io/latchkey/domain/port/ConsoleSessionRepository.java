package io.latchkey.domain.port;

import io.latchkey.domain.model.console.ConsoleSession;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Console sessions by their random id, each forgotten after {@code idle} without use. */
public interface ConsoleSessionRepository {

    Mono<Void> save(String id, ConsoleSession session, Duration idle);

    /** The session, its idle timer restarted; empty when unknown or idle for too long. */
    Mono<ConsoleSession> touch(String id, Duration idle);

    Mono<Void> delete(String id);
}
