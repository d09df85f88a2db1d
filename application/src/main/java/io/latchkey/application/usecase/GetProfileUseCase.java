package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserProfile;
import reactor.core.publisher.Mono;

/** The caller's own profile, answered from the per-user cache when it holds it. */
public interface GetProfileUseCase {

    Mono<UserProfile> getProfile(GetProfileCommand command);
}
