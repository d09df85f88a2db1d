package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.User;
import reactor.core.publisher.Mono;

/** An administrator reads one account as stored (status, roles, verification); fails with {@code UserNotFoundException}. */
public interface GetUserUseCase {
    Mono<User> get(GetUserCommand command);
}
