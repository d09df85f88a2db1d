package io.latchkey.application.service;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** Rules every administrator action follows. */
final class AdminActions {

    private AdminActions() {
    }

    /** An administrator may not disable or delete their own account: it could leave nobody able to undo it. */
    static Mono<Void> notOnThemselves(UserId actor, UserId target) {
        return actor.equals(target)
                ? Mono.error(new InvalidInputException(new FieldViolation("id",
                        "an administrator cannot disable or delete their own account")))
                : Mono.empty();
    }
}
