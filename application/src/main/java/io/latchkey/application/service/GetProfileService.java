package io.latchkey.application.service;

import io.latchkey.application.usecase.GetProfileCommand;
import io.latchkey.application.usecase.GetProfileUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/** Reads the profile through the auth cache ({@link CachedReads}), filling it from PostgreSQL on a miss. */
public final class GetProfileService implements GetProfileUseCase {

    private final CachedReads reads;
    private final UserRepository users;

    public GetProfileService(AuthCache cache, UserRepository users, FallbackGate fallbackGate) {
        this.reads = new CachedReads(cache, fallbackGate);
        this.users = users;
    }

    @Override
    public Mono<UserProfile> getProfile(GetProfileCommand command) {
        return reads.profile(command.userId(), () -> fromRecord(command));
    }

    private Mono<UserProfile> fromRecord(GetProfileCommand command) {
        return users.findById(command.userId())
                .map(user -> user.profile())
                .switchIfEmpty(Mono.error(SessionRevokedException::new));
    }
}
