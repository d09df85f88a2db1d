package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserPage;
import reactor.core.publisher.Mono;

/** An administrator lists or searches accounts, a page at a time. */
public interface ListUsersUseCase {

    Mono<UserPage> list(ListUsersCommand command);
}
