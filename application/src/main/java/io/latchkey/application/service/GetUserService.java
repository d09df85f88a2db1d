package io.latchkey.application.service;

import io.latchkey.application.usecase.GetUserCommand;
import io.latchkey.application.usecase.GetUserUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/** Reads one account for an administrator from the record (PostgreSQL), not from a cache. */
public final class GetUserService implements GetUserUseCase {

    private final UserRepository users;

    public GetUserService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<User> get(GetUserCommand command) {
        return users.findById(command.userId()).switchIfEmpty(Mono.error(UserNotFoundException::new));
    }
}
