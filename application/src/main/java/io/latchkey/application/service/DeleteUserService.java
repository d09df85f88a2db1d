package io.latchkey.application.service;

import io.latchkey.application.usecase.DeleteUserCommand;
import io.latchkey.application.usecase.DeleteUserUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/** An administrator deletes an account, exactly as its owner would, without its password. */
public final class DeleteUserService implements DeleteUserUseCase {

    private final UserRepository users;
    private final AccountEraser eraser;

    public DeleteUserService(UserRepository users, AccountEraser eraser) {
        this.users = users;
        this.eraser = eraser;
    }

    @Override
    public Mono<Void> delete(DeleteUserCommand command) {
        return AdminActions.notOnThemselves(command.actor(), command.userId())
                .then(users.findById(command.userId()))
                .switchIfEmpty(Mono.error(UserNotFoundException::new))
                .flatMap(eraser::erase);
    }
}
