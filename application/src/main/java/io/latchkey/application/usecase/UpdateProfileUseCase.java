package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserProfile;
import reactor.core.publisher.Mono;

/** Changes the caller's name. */
public interface UpdateProfileUseCase {

    Mono<UserProfile> update(UpdateProfileCommand command);
}
