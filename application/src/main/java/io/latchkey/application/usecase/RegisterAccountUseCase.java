package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserProfile;
import reactor.core.publisher.Mono;

/** Creates an account from an email and password. */
public interface RegisterAccountUseCase {

    Mono<UserProfile> register(RegisterAccountCommand command);
}
