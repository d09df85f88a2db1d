package io.latchkey.application.service;

import io.latchkey.application.usecase.DeleteAccountCommand;
import io.latchkey.application.usecase.DeleteAccountUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/**
 * The owner deletes their account: the step-up rule ({@link StepUpGuard}) holds, and the current password must be
 * given and right (and counts towards the lockout).
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final UserRepository users;
    private final LoginGuard guard;
    private final AccountEraser eraser;
    private final StepUpGuard stepUp;

    public DeleteAccountService(UserRepository users, LoginGuard guard, AccountEraser eraser, StepUpGuard stepUp) {
        this.stepUp = stepUp;
        this.users = users;
        this.guard = guard;
        this.eraser = eraser;
    }

    @Override
    public Mono<Void> delete(DeleteAccountCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            RawPassword password = input.required(command.password(), "password", RawPassword::new);
            input.throwIfAny();
            return stepUp.require(command.userId(), command.sessionId())
                    .then(users.findById(command.userId()))
                    .switchIfEmpty(Mono.error(SessionRevokedException::new))
                    .flatMap(user -> guard.confirmPassword(user, password))
                    .flatMap(eraser::erase);
        });
    }
}
